/**
 * Seeded fuzzing in every `npm test`: a fixed number of generated drafts (with their fixes, report and CSV),
 * bibliographies and configurations, a few seconds' worth. `npm run fuzz -- --minutes 10` runs the same
 * generators for longer, with fresh seeds (scripts/fuzz.mjs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCase } from './helpers/fuzz.js';

const SEED = 20261203;
const CASES = 80;

test(`${CASES} seeded cases: Markdown (fixes, report, CSV), bibliographies, configuration`, (t) => {
  const failures: string[] = [];
  const kinds = new Map<string, number>();
  for (let i = 0; i < CASES; i++) {
    const { kind, input, problems } = runCase(SEED, i, { fixesEvery: 4, maxBurst: 200 });
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (problems.length > 0)
      failures.push(
        `case ${i} (${kind}) ${JSON.stringify(input.slice(0, 300))}:\n  ${problems.slice(0, 5).join('\n  ')}`,
      );
  }
  t.diagnostic(JSON.stringify(Object.fromEntries(kinds)));
  assert.deepEqual(failures, []);
});
