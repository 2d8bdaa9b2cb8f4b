import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInLexicons, inflections } from 'sourcelint/engine/lexicon.js';
import { lint } from 'sourcelint';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/data');

test('every shipped lexicon compiles', () => {
  const lexicons = builtInLexicons();
  for (const rule of ['loaded-term', 'editorializing', 'unsupported-attribution', 'relative-time', 'unsourced-gloss', 'unsourced-claim']) {
    assert.ok((lexicons.get(rule)?.entries.length ?? 0) > 0, `${rule} has entries`);
  }
});

test('lexicon entries have unique ids, a category, a one-line reason and alternatives', () => {
  const ids = new Set<string>();
  for (const dir of ['lexicon', 'claims']) {
    for (const name of fs.readdirSync(path.join(dataDir, dir))) {
      const file = JSON.parse(fs.readFileSync(path.join(dataDir, dir, name), 'utf8')) as { entries: Array<Record<string, unknown>> };
      for (const e of file.entries) {
        assert.ok(!ids.has(e.id as string), `duplicate id ${String(e.id)} in ${name}`);
        ids.add(e.id as string);
        assert.equal(typeof e.category, 'string', `${String(e.id)}: category`);
        assert.match(e.reason as string, /^[^\n]{10,200}$/, `${String(e.id)}: one-line reason`);
        assert.ok(Array.isArray(e.alternatives), `${String(e.id)}: alternatives`);
      }
    }
  }
  assert.ok(ids.size > 500);
});

test('inflections cover plurals, past forms, doubling and British/American spelling', () => {
  assert.ok(inflections('skyrocket').includes('skyrocketed'));
  assert.ok(inflections('slam').includes('slammed'));
  assert.ok(inflections('ally').includes('allies'));
  assert.ok(inflections('patronise').includes('patronizing'));
});

test('domain words that naive tools flag are not loaded terms here', () => {
  const code = 'Soviet and African actors were killed in the fighting; corruption charges followed, and the junta imposed sanctions after the coup.';
  const language = lint(code).findings.filter((f) => ['loaded-term', 'editorializing', 'unsupported-attribution'].includes(f.ruleId));
  assert.deepEqual(language.map((f) => code.slice(f.span.start, f.span.end)), []);
});
