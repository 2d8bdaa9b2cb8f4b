#!/usr/bin/env node
// Long fuzzing run for maintainers: `npm run fuzz -- --minutes 10 [--seed N] [--burst 5000] [--cases N]`. Runs the
// generators and invariants of test/helpers/fuzz.ts (Markdown with its fixes, report and CSV; bibliographies;
// configuration) on fresh cases until the time is up, or for exactly `--cases` cases (then a seed always gives the
// same run). Each case is written to fuzz-out/current.txt before it runs, so a hang leaves its input behind; a failing
// case is saved as fuzz-out/<seed>-<index>.txt with its violations. Exit 1 if any failed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { runCase } = await import(path.join(root, 'test/out/helpers/fuzz.js'));

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
};
const minutes = arg('minutes', 5);
const seed = arg('seed', Date.now() % 1_000_000_007);
const maxBurst = arg('burst', 5000);
const maxCases = arg('cases', Infinity);
const out = path.join(root, 'fuzz-out');
fs.mkdirSync(out, { recursive: true });

const deadline = Date.now() + minutes * 60_000;
let cases = 0;
let failed = 0;
let slowest = { ms: 0, index: -1 };
console.log(
  `sourcelint fuzz: seed ${seed}, ${maxCases < Infinity ? `${maxCases} cases` : `${minutes} min`}, bursts up to ${maxBurst} characters`,
);
for (let index = 0; index < maxCases && (maxCases < Infinity || Date.now() < deadline); index++) {
  fs.writeFileSync(path.join(out, 'current.txt'), `seed ${seed} index ${index}\n`);
  const started = performance.now();
  const { kind, input, problems } = runCase(seed, index, { fixesEvery: 5, maxBurst });
  const ms = performance.now() - started;
  if (ms > slowest.ms) slowest = { ms, index };
  cases++;
  if (problems.length > 0) {
    failed++;
    const file = path.join(out, `${seed}-${index}.txt`);
    fs.writeFileSync(file, `${kind}, ${input.length} characters\n${problems.join('\n')}\n\n--- input ---\n${input}`);
    console.log(`FAIL ${kind} case ${index}: ${problems[0].slice(0, 200)} (saved ${path.relative(root, file)})`);
  }
  if (index % 200 === 0)
    process.stdout.write(
      `  ${cases} cases, ${failed} failed, slowest ${slowest.ms.toFixed(0)} ms (case ${slowest.index})\n`,
    );
}
fs.rmSync(path.join(out, 'current.txt'), { force: true });
console.log(
  `${cases} cases, ${failed} failed; slowest case ${slowest.index}: ${slowest.ms.toFixed(0)} ms (rerun: --seed ${seed})`,
);
process.exit(failed > 0 ? 1 : 0);
