/**
 * The length in bytes of a string written as UTF-8, counted without encoding it. Lone
 * surrogates count 3 bytes, as their replacement character would; `JSON.stringify` escapes them
 * anyway.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;

  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);

    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A pair: 4 bytes for 2 code units.
        bytes += 2;
        i += 1;
      } else {
        bytes += 2;
      }
    } else {
      bytes += 2;
    }
  }

  return bytes;
}
