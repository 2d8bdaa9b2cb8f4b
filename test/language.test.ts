/** A document in another language keeps the citation and link checks, not the English prose rules (language.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from 'sourcelint';
import { parseJson, sourcelint, stderrLines, tempDir } from './helpers/cli.js';

const FRENCH =
  'Il y a un siècle, l’Europe dominait le monde et ses empires régnaient sur presque toute l’Afrique. ' +
  'Aujourd’hui, elle compte 450 millions d’habitants, et tout le monde sait que la menace vient de l’est.[^1] ' +
  'Le gouvernement a dépensé 12 milliards d’euros en 2021 pour soutenir les agriculteurs, selon la presse.[^2] ' +
  'Les dirigeants européens hésitent encore, mais les citoyens attendent des décisions claires et rapides.\n\n' +
  '[^1]: Eurostat, 2023.\n';

const GERMAN =
  'Die Regierung hat im vergangenen Jahr die Truppen ausgewiesen. Seitdem ist die Zahl der Angriffe um 40 Prozent ' +
  'gestiegen, und viele Beobachter sehen darin einen Versuch, die eigene Macht zu sichern, während die Wirtschaft ' +
  'in der Krise steckt und die Menschen in den Dörfern unter der Gewalt leiden. Was will die Junta damit erreichen?';

const rules = (text: string): string[] => [...new Set(lint(text).findings.map((f) => f.ruleId))].sort();

test('French or German prose: no English prose rule fires, the citation checks still do, and one notice says why', () => {
  for (const text of [FRENCH, GERMAN]) {
    const result = lint(text);
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId !== 'undefined-footnote'),
      [],
      text.slice(0, 40),
    );
    assert.deepEqual(result.claims, []);
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].message, /^not read as English \(only \d+% of its first \d+ words/);
  }
  // The footnote called but never written is still reported.
  assert.deepEqual(rules(FRENCH), ['undefined-footnote']);
});

test('the front matter decides when it declares a language; English with a foreign quotation stays English', () => {
  const english = 'The junta expelled the ambassador in 2022 and the army killed 300 villagers in Moura.';
  assert.deepEqual(rules(`---\nlang: fr-FR\n---\n\n${english}`), []);
  assert.match(lint(`---\nlang: fr-FR\n---\n\n${english}`).problems[0].message, /declares lang: fr-FR/);
  assert.ok(rules(`---\nlanguage: en-GB\n---\n\n${english}`).includes('unsourced-statistic'));
  // Too few words to judge: read as English.
  assert.ok(rules('Moura: 300 morts.').includes('unsourced-statistic'));
  const mixed = `${english} The minister said: “${GERMAN}”\n\nAid fell by 40% in 2023 and the ministry closed 12 schools.`;
  assert.ok(rules(mixed).includes('unsourced-statistic'));
  assert.deepEqual(lint(mixed).problems, []);
  // Few English words but no other language either (a roll of names, emphasis markup): still English.
  const roll = Array.from({ length: 30 }, (_, i) => `Amadou Diallo${i} _Kayes_ *Sikasso*`).join(', ') + '.';
  assert.deepEqual(lint(roll).problems, []);
});

test('the CLI prints the notice once on standard error, and the exit code still follows the findings', () => {
  const { dir, cleanup } = tempDir({ 'fr.md': FRENCH });
  try {
    const run = sourcelint(['--format', 'json', 'fr.md'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(
      parseJson(run.stdout)[0].messages.map((m) => m.ruleId),
      ['undefined-footnote'],
    );
    const lines = stderrLines(run.stderr);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /fr\.md:1: not read as English/);
  } finally {
    cleanup();
  }
});
