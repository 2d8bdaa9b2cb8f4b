/**
 * The compiled lexicon index the build writes (scripts/compile-lexicons.mjs): loading it must give exactly the
 * lexicons that compiling the data files gives, and a stale index (other data) must be ignored.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { COMPILED_INDEX, Lexicon, builtInLexicons, compiledIndex } from 'sourcelint/engine/lexicon.js';

test('the build wrote the index, and it matches the shipped data and compiler', () => {
  const index = JSON.parse(fs.readFileSync(COMPILED_INDEX, 'utf8')) as ReturnType<typeof compiledIndex>;
  const fresh = compiledIndex();
  assert.equal(
    index.key,
    fresh.key,
    'npm test and npm run build write the index; its key is the data and compiler of this build',
  );
  assert.deepEqual(index.lexicons, fresh.lexicons);
});

test('lexicons loaded from the index are the compiled ones, entry for entry and match for match', () => {
  const fresh = compiledIndex().lexicons;
  const loaded = builtInLexicons();
  assert.deepEqual([...loaded.keys()].sort(), Object.keys(fresh).sort());
  for (const [rule, data] of Object.entries(fresh)) {
    assert.deepEqual(loaded.get(rule)!.toData(), data, rule);
    // Round trip through the data form, the way the index is read.
    assert.deepEqual(Lexicon.fromData(JSON.parse(JSON.stringify(data))).toData(), data, `${rule} round trip`);
  }
});

test('a stale index (its key does not match) is ignored: the lexicons are compiled from the data', () => {
  const saved = fs.readFileSync(COMPILED_INDEX, 'utf8');
  const index = JSON.parse(saved) as ReturnType<typeof compiledIndex>;
  // A stale index whose loaded-term lexicon lost every entry: if it were used, "skyrocketed" would not be flagged.
  index.key = 'stale';
  index.lexicons['loaded-term'].entries = [];
  fs.writeFileSync(COMPILED_INDEX, JSON.stringify(index));
  try {
    // The compiled tree's CLI, which reads this index (the bins run the bundle and its own index: bins.test.ts).
    const cli = fileURLToPath(new URL('../../server/out/cli/main.js', import.meta.url));
    const r = spawnSync(process.execPath, [cli, '--stdin', '--format', 'json'], {
      input: 'Costs skyrocketed last year.\n',
      encoding: 'utf8',
    });
    const messages = (JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string }> }>)[0].messages;
    assert.ok(
      messages.some((m) => m.ruleId === 'loaded-term'),
      JSON.stringify(messages),
    );
  } finally {
    fs.writeFileSync(COMPILED_INDEX, saved);
  }
});
