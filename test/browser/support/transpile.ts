import { readFile } from 'node:fs/promises';

import ts from 'typescript';

const cache = new Map<string, string>();

/**
 * Turns a TypeScript file into the JavaScript a browser runs as a module: types are dropped and
 * nothing else changes, so the browser runs the same code the jsdom runner imports. Relative
 * imports stay as written; the harness server resolves them.
 */
export async function transpileForBrowser(file: string): Promise<string> {
  const cached = cache.get(file);
  if (cached !== undefined) return cached;

  const { outputText } = ts.transpileModule(await readFile(file, 'utf8'), {
    fileName: file,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      verbatimModuleSyntax: true,
    },
  });
  cache.set(file, outputText);

  return outputText;
}
