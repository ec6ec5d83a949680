// Checks the built files a page runs: no eval, new Function or Function( (pages run under a
// strict Content-Security-Policy), and an integrity.json whose sha384 values match the files.
//
//   npm run build && node scripts/check-dist.mjs
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

const DIST = new URL('../dist/', import.meta.url);
const FORBIDDEN = [/(?<![\w$.])eval\s*\(/, /\bnew\s+Function\b/, /(?<![\w$.])Function\s*\(/];
const problems = [];

for (const file of readdirSync(DIST).filter((name) => /\.(c?js)$/.test(name))) {
  const code = readFileSync(new URL(file, DIST), 'utf8');

  for (const pattern of FORBIDDEN) {
    const match = pattern.exec(code);
    if (match !== null) problems.push(`${file}: "${match[0]}" at ${match.index}`);
  }
}

const integrity = JSON.parse(readFileSync(new URL('integrity.json', DIST), 'utf8'));
for (const [file, value] of Object.entries(integrity)) {
  const digest = createHash('sha384')
    .update(readFileSync(new URL(file, DIST)))
    .digest('base64');
  if (value !== `sha384-${digest}`) problems.push(`${file}: integrity.json does not match`);
}

for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exitCode = 1;
else console.log(`dist/ is free of eval and new Function; integrity.json matches.`);
