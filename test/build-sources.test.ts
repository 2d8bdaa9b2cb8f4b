/**
 * scripts/sources/build.mjs: the shipped ratings are derived from the perennial-sources CSV by rules, not by hand.
 * The rules are tested on rows we wrote in the CSV's shape; the shipped file is checked against the real CSV when the
 * snapshot is next to the repository (../shared/data), as on the machines that build releases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(root, 'scripts/sources/build.mjs');
type Built = { sources: Array<Record<string, unknown> & { name: string }>; skipped: string[] };
const build = (await import(pathToFileURL(script).href)) as {
  parseCsv(text: string): Array<Record<string, string>>;
  buildList(records: Array<Record<string, string>>): Built;
  reasonFor(summary: string, status: string): string;
};

const row = (id: number, name: string, status: string[], urls: string[], info: string): string =>
  [
    id,
    name,
    JSON.stringify(status),
    status.length,
    `https://en.wikipedia.org/wiki/X${id}`,
    JSON.stringify(urls),
    urls.length,
    info,
  ]
    .map((v) => `"${String(v).replace(/"/g, '""')}"`)
    .join(',');

const CSV = [
  'id,name,status,status_n,wiki_url,urls,urls_n,info',
  row(
    1,
    'Nowhere Herald (NH)',
    ['Deprecated'],
    ['www.nowhereherald.test', 'www.wikidata.org/wiki/q1#p856'],
    'The Herald was deprecated after it invented quotes; a hoax, editors said.\nSecond line.',
  ),
  row(
    2,
    'Loop Agency (general topics) (LA)',
    ['No consensus'],
    ['www.loopagency.test/en'],
    'No agreement. See also: Loop Agency (international politics).',
  ),
  row(
    3,
    'Loop Agency (international politics) (LA)',
    ['Generally unreliable'],
    ['www.loopagency.test/en'],
    'A mouthpiece of its government, editors say.',
  ),
  row(
    4,
    'Pagebook',
    ['Blacklisted', 'Generally unreliable'],
    ['pagebook.test/about-us', 'en.wikipedia.org/w/index.php?title=pagebook&action=edit'],
    'Self-published posts.',
  ),
  row(
    5,
    'Tube Channel',
    ['Generally reliable'],
    ['www.youtube.com/user/tubechannel'],
    'Fine, though some call it biased.',
  ),
  row(6, 'Odd Row', ['Wikipedia:Reliable sources/Noticeboard'], ['odd.test'], 'Crawl glitch.'),
  row(7, 'CSM (CSM)', ['No consensus'], ['csm-one.test'], 'Partisan.'),
  row(8, 'Other Monitor (CSM)', ['Generally reliable'], ['csm-two.test'], 'Fine.'),
].join('\n');

test('build-sources: names, aliases, scopes, addresses, merged rows and reasons', () => {
  const records = build.parseCsv(CSV);
  assert.equal(records.length, 8);
  assert.equal(
    records[0].info,
    'The Herald was deprecated after it invented quotes; a hoax, editors said.\nSecond line.',
  );
  const { sources, skipped } = build.buildList(records);
  const byName = new Map(sources.map((s) => [s.name, s]));
  assert.deepEqual(skipped, ['Odd Row: status ["Wikipedia:Reliable sources/Noticeboard"] is not a rating']);
  assert.deepEqual(byName.get('Nowhere Herald'), {
    name: 'Nowhere Herald',
    aliases: ['NH'],
    domains: ['nowhereherald.test'],
    status: 'deprecated',
    reason: 'has published false or fabricated information',
  });
  // Two rows sharing an address are one source; the international-politics row sets the status.
  assert.deepEqual(byName.get('Loop Agency'), {
    name: 'Loop Agency',
    aliases: ['LA'],
    domains: ['loopagency.test', 'loopagency.test/en'],
    status: 'unreliable',
    reason: 'serves as a channel for government or party propaganda',
    scope: 'international politics',
    scopes: [{ scope: 'general topics', status: 'no-consensus' }],
  });
  // Known only by a page of its site: the whole site; the catalogue link is dropped; the worst status wins.
  assert.deepEqual(byName.get('Pagebook')?.domains, ['pagebook.test', 'pagebook.test/about-us']);
  assert.equal(byName.get('Pagebook')?.status, 'blacklisted');
  // A channel on a sectioned host stays path-scoped: it must not take over all of YouTube.
  assert.deepEqual(byName.get('Tube Channel')?.domains, ['youtube.com/user/tubechannel']);
  // A reliable source's reason never repeats the faults its summary mentions in passing.
  assert.equal(byName.get('Tube Channel')?.reason, 'editors regard its reporting as accurate');
  // An alias two sources claim identifies neither.
  assert.equal(byName.get('Other Monitor')?.aliases, undefined);
  assert.equal(byName.get('CSM')?.aliases, undefined);
});

test('build-sources: reasons are our phrases, never the summary text', () => {
  const summary = 'It publishes propaganda and conspiracy theories, editors found.';
  const reason = build.reasonFor(summary, 'deprecated');
  assert.equal(reason, 'promotes conspiracy theories; serves as a channel for government or party propaganda');
  assert.equal(build.reasonFor('Nothing specific.', 'no-consensus'), 'editors are divided over its reliability');
});

test('build-sources: the shipped file is what the script makes of the CSV snapshot, with its date', (t) => {
  const csv = path.resolve(root, '../shared/data/perennial-sources.csv');
  const shipped = JSON.parse(fs.readFileSync(path.join(root, 'server/data/sources/perennial.json'), 'utf8')) as {
    date: string;
    license: string;
    sources: unknown[];
  };
  assert.equal(shipped.date, '2021-03-17');
  assert.equal(shipped.license, 'CC BY-SA 3.0');
  assert.ok(shipped.sources.length > 300);
  assert.match(
    fs.readFileSync(path.join(root, 'server/data/sources/NOTICE.md'), 'utf8'),
    /2021-03-17[\s\S]*CC BY-SA 3\.0/,
  );
  if (!fs.existsSync(csv)) return t.skip(`${csv} is not here: only the shipped file's attribution is checked`);
  const r = spawnSync(process.execPath, [script, csv, '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
