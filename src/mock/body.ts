import { isRecord } from '../util/is-record';

/** A request body read as JSON. */
export type JsonBody = { ok: true; value: unknown; bytes: number } | { ok: false; bytes: number };

/**
 * Reads a request body as JSON, whatever its `Content-Type`.
 *
 * @returns The value and the body's length in bytes, or `ok: false` when it is not JSON.
 */
export async function readJson(request: Request): Promise<JsonBody> {
  const bytes = new Uint8Array(await request.arrayBuffer());

  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);

    return { ok: true, value: JSON.parse(text) as unknown, bytes: bytes.byteLength };
  } catch {
    return { ok: false, bytes: bytes.byteLength };
  }
}

/** The keys of an object that are not in a list, to refuse fields the contract does not know. */
export function unknownKeys(value: Record<string, unknown>, known: readonly string[]): string[] {
  return Object.keys(value).filter((key) => !known.includes(key));
}

/** JSON with object keys sorted, so that two bodies that mean the same compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isRecord(inner)
      ? Object.fromEntries(
          Object.keys(inner)
            .sort()
            .map((key) => [key, inner[key]]),
        )
      : inner,
  );
}
