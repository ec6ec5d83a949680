import { builtinEnvironments } from 'vitest/runtime';

/**
 * Runs `work` in a fresh jsdom window at `url`, set up on the globals as vitest's jsdom
 * environment sets one up, then takes the window down and puts every global back as it was.
 * For a test file in the node environment that needs a page per case, at a different origin
 * each time.
 */
export async function withJsdomWindow<Result>(
  url: string,
  work: () => Promise<Result>,
): Promise<Result> {
  const restoreGlobals = snapshotGlobals();
  const environment = await builtinEnvironments.jsdom.setup(globalThis, { jsdom: { url } });

  try {
    return await work();
  } finally {
    await environment.teardown(globalThis);
    restoreGlobals();
  }
}

// The environment's teardown leaves some of its replacements behind (`Request`), which breaks
// the next window's fetches: every global is put back as it was.
function snapshotGlobals(): () => void {
  const before = Object.getOwnPropertyDescriptors(globalThis) as Record<
    PropertyKey,
    PropertyDescriptor
  >;

  return () => {
    for (const key of Reflect.ownKeys(globalThis)) {
      if (!(key in before)) Reflect.deleteProperty(globalThis, key);
    }
    for (const key of Reflect.ownKeys(before)) {
      const descriptor = before[key];
      const now = Reflect.getOwnPropertyDescriptor(globalThis, key);

      if (descriptor !== undefined && descriptor.configurable === true && !same(descriptor, now)) {
        Reflect.defineProperty(globalThis, key, descriptor);
      }
    }
  };
}

function same(a: PropertyDescriptor, b: PropertyDescriptor | undefined): boolean {
  return b !== undefined && a.value === b.value && a.get === b.get && a.set === b.set;
}
