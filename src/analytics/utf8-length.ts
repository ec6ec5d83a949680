/**
 * The length in bytes of a string written as UTF-8, counted without encoding it. Lone
 * surrogates count 3 bytes, as their replacement character would; `JSON.stringify` escapes them
 * anyway.
 */
export function utf8Length(text: string): number {
  let bytes = 0;

  for (let i = 0; i < text.length; i += 1) {
    const code = text.codePointAt(i) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    // A code point past U+FFFF takes two code units: skip its second.
    if (code > 0xffff) i += 1;
  }

  return bytes;
}
