/** Tells whether a value is an object of named fields, as JSON has them: not `null`, no array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
