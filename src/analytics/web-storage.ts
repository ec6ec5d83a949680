/** The part of the Web Storage API analytics uses. */
export interface StorageArea {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The page's `localStorage` or `sessionStorage`, or `undefined` where there is none or where
 * reaching it throws (a sandboxed frame, storage blocked by the shopper: a `SecurityError`).
 */
export function pageStorage(name: 'localStorage' | 'sessionStorage'): StorageArea | undefined {
  try {
    const area = (globalThis as Record<string, unknown>)[name] as StorageArea | undefined | null;

    return area ?? undefined;
  } catch {
    return undefined;
  }
}

/** Reads a key; `null` when it is absent, not text (a polyfill's `undefined`) or throws. */
export function readItem(area: StorageArea, key: string): string | null {
  try {
    const value: unknown = area.getItem(key);

    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Writes a key; false when the storage refused (full, disabled, throwing). */
export function writeItem(area: StorageArea, key: string, value: string): boolean {
  try {
    area.setItem(key, value);

    return true;
  } catch {
    return false;
  }
}

/** Removes a key, ignoring a storage that throws. */
export function removeItem(area: StorageArea, key: string): void {
  try {
    area.removeItem(key);
  } catch {
    // Nothing to do: the key stays, and is ignored or taken over later.
  }
}

/** Every key that starts with `prefix`; none when the storage throws. */
export function keysWithPrefix(area: StorageArea, prefix: string): string[] {
  try {
    const keys: string[] = [];
    for (let i = 0; i < area.length; i += 1) {
      const key = area.key(i);
      if (key?.startsWith(prefix) === true) keys.push(key);
    }

    return keys;
  } catch {
    return [];
  }
}
