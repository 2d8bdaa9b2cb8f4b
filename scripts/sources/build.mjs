#!/usr/bin/env node
// Builds server/data/sources/perennial.json, the source ratings `unreliable-source` ships with, from the CSV snapshot
// of Wikipedia's "Reliable sources/Perennial sources" list (see server/data/sources/NOTICE.md for its licence).
//
//   node scripts/sources/build.mjs [CSV] [--out FILE] [--date YYYY-MM-DD] [--check]
//
// CSV defaults to ../shared/data/perennial-sources.csv next to the repository. --check compares instead of writing
// and exits 1 when the shipped file is stale. What the script does to the rows, in order:
// - names: "RT (Russia Today)" → name "RT", alias "Russia Today"; a parenthesis that narrows the row ("politics",
//   "talk shows", "2013–present") is a scope, not an alias; a row without one gets its scope from a sibling row's
//   "See also: Bloomberg profiles";
// - addresses: infobox links to catalogues (curation.json `ignoreHosts`), queries and fragments are dropped; "www."
//   goes; a row known only by a page of its site ("breitbart.com/masthead") is matched on the whole site, except on
//   hosts where a path is one publication among many (`sectionHosts`); aliases that are domains become domains;
//   curation.json adds what the crawl missed, and marks hosts whose subdomains are other services (`=amazon.com`);
// - rows sharing an address are one source with scopes: the scope that applies to political and international news
//   (what Sourcelint's users write) sets the status, else the general one; the others are kept as nuance;
// - reasons: one line in our own words, chosen by rules from what the summary says (never the summary's text).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const check = args.includes('--check') && args.splice(args.indexOf('--check'), 1).length > 0;
const out = path.resolve(flag('--out') ?? path.join(root, 'server/data/sources/perennial.json'));
const date = flag('--date') ?? '2021-03-17';
const csvPath = path.resolve(args[0] ?? path.join(root, '../shared/data/perennial-sources.csv'));
const curation = JSON.parse(fs.readFileSync(path.join(root, 'scripts/sources/curation.json'), 'utf8'));

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      (row.push(field), rows.push(row), (row = []), (field = ''));
    } else field += c;
  }
  if (field || row.length) (row.push(field), rows.push(row));
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0]);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const STATUS = {
  'generally reliable': 'reliable',
  'no consensus': 'no-consensus',
  'generally unreliable': 'unreliable',
  deprecated: 'deprecated',
  blacklisted: 'blacklisted',
};
const SEVERITY_ORDER = ['reliable', 'no-consensus', 'unreliable', 'deprecated', 'blacklisted'];
const SCOPE = /topics|politic|science|shows|content|reviews|present|pre-\d|excluding|self-published|^uk$/i;

/** "Anadolu Agency (controversial topics, international politics) (AA)" → name, scope and aliases. */
export function splitName(raw) {
  const parens = [...raw.matchAll(/\(([^()]*)\)/g)].map((m) => m[1].trim());
  const name = raw.replace(/\s*\([^()]*\)/g, '').trim();
  const scopes = parens.filter((p) => SCOPE.test(p) && !/^uk$/i.test(p));
  const aliases = parens
    .filter((p) => !SCOPE.test(p))
    .flatMap((p) => p.split(/,\s*/))
    .map((a) => a.trim())
    .filter(Boolean);
  return { name, scope: scopes.join(', ') || undefined, aliases };
}

const DOMAIN_LIKE = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|net|org|ca|co|uk|info)$/i;
const hostOf = (address) => address.split('/')[0];
const underHost = (host, list) => list.some((h) => host === h || host.endsWith('.' + h));

/** Infobox links → matchable "host[/path]" strings, catalogue links and queries dropped. */
export function cleanAddresses(urls, ignoreHosts) {
  const out = [];
  for (const raw of urls) {
    if (/[?#]/.test(raw)) continue;
    const address = raw
      .trim()
      .toLowerCase()
      .replace(/^(https?:)?\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/+$/, '');
    if (!address || underHost(hostOf(address), ignoreHosts)) continue;
    out.push(address);
  }
  return out;
}

/*
 * Reasons: what the summary says, in our words. Each rule is a test on the summary and the phrase we write for it;
 * the first two that apply make the line, so the strongest grounds come first.
 */
const REASONS = [
  [/false or fabricated|fabricat|falsehoods|false information|hoax/i, 'has published false or fabricated information'],
  [/conspiracy theor/i, 'promotes conspiracy theories'],
  [/mouthpiece|propaganda/i, 'serves as a channel for government or party propaganda'],
  [/disinformation/i, 'has spread disinformation'],
  [/poor fact.?checking|sensational/i, 'sensationalist, with weak fact-checking'],
  [/user-generated|open wiki|anyone can edit/i, 'content written by its users, not by accountable editors'],
  [
    /self-published|no editorial oversight|minimal editorial oversight|lack of editorial oversight/i,
    'little or no editorial oversight',
  ],
  [/sponsored|advertis|paid (content|placement)/i, 'mixes in paid or sponsored content'],
  [/press release/i, 'largely reprints press releases'],
  [/satir/i, 'satire, not news'],
  [/tabloid/i, 'tabloid journalism'],
  [/clickbait/i, 'chases clicks over accuracy'],
  [/inconsistent|highly variable|varies/i, 'uneven quality from one article to the next'],
  [/predatory|peer review/i, 'weak peer review'],
  [/preprint/i, 'unreviewed preprints'],
  [
    /official (government )?(statements|positions)|views and positions|viewpoint of the/i,
    'usable for the official positions it reports',
  ],
  [/state-run|state-owned|state media|government-controlled|owned by the/i, 'state-controlled'],
  [/biased|partisan|opinionated/i, 'partisan: attribute its statements in the text'],
  [/spam blacklist|persistent abuse/i, 'links to it are blocked on Wikipedia because of spamming'],
];
const FALLBACK = {
  reliable: 'editors regard its reporting as accurate',
  'no-consensus': 'editors are divided over its reliability',
  unreliable: 'editors found its reporting unreliable',
  deprecated: 'editors voted to stop citing it',
  blacklisted: 'links to it are blocked on Wikipedia',
};
export function reasonFor(summary, status) {
  // The phrases name faults: a reliable source's summary mentions them only to qualify its praise.
  if (status === 'reliable') return FALLBACK.reliable;
  const phrases = REASONS.filter(([test]) => test.test(summary))
    .slice(0, 2)
    .map(([, phrase]) => phrase);
  return phrases.length ? phrases.join('; ') : FALLBACK[status];
}

function statusOf(list) {
  const known = JSON.parse(list)
    .map((s) => STATUS[s.toLowerCase()])
    .filter(Boolean);
  return known.sort((a, b) => SEVERITY_ORDER.indexOf(b) - SEVERITY_ORDER.indexOf(a))[0];
}

/** The row that speaks for a shared address: political or international news first, else the general row. */
function primaryOf(rows) {
  const political = rows.find(
    (r) => r.scope && /politic|controversial|international/i.test(r.scope) && !/excluding/i.test(r.scope),
  );
  const general = rows.find((r) => !r.scope || /general|news and reviews|present$/i.test(r.scope));
  return political ?? general ?? rows[0];
}

export function buildList(records) {
  const rows = [];
  const skipped = [];
  for (const r of records) {
    const status = statusOf(r.status);
    const { name, scope, aliases } = splitName(r.name);
    if (!status) {
      skipped.push(`${r.name}: status ${r.status} is not a rating`);
      continue;
    }
    const addresses = cleanAddresses(JSON.parse(r.urls || '[]'), curation.ignoreHosts.hosts);
    for (const a of aliases) if (DOMAIN_LIKE.test(a)) addresses.push(a.toLowerCase());
    addresses.push(...(curation.extraDomains[name] ?? []));
    rows.push({
      name,
      scope,
      aliases: [...aliases.filter((a) => !DOMAIN_LIKE.test(a)), ...(curation.extraAliases[name] ?? [])],
      addresses: [...new Set(addresses)],
      status,
      info: r.info.trim(),
    });
  }
  // Scope from a sibling: "See also: Forbes.com contributors." names the row "Forbes.com" more precisely.
  for (const r of rows) {
    for (const m of r.info.matchAll(/See also: (.+?)\.(?:\s|$)/g)) {
      for (const ref of m[1].split(/,\s*/)) {
        for (const other of rows) {
          if (other === r || other.scope || !ref.startsWith(other.name + ' ')) continue;
          const rest = ref
            .slice(other.name.length)
            .trim()
            .replace(/^\((.*)\)$/, '$1');
          if (rest && !rows.some((x) => x !== other && x.name === other.name && x.scope === rest)) other.scope = rest;
        }
      }
    }
  }
  // The whole site for a row known by one of its pages, unless that host is shared or sectioned.
  const bareHosts = new Set(rows.flatMap((r) => r.addresses.filter((a) => !a.includes('/'))));
  for (const r of rows) {
    for (const a of [...r.addresses]) {
      const host = hostOf(a);
      if (a.includes('/') && !bareHosts.has(host) && !underHost(host, curation.sectionHosts.hosts))
        (r.addresses.push(host), bareHosts.add(host));
    }
  }
  // Rows that share an address are one source.
  const groups = [];
  for (const r of rows) {
    const g = groups.find((x) =>
      x.some(
        (o) => o.addresses.some((a) => r.addresses.includes(a)) || (o.name === r.name && o.addresses.length === 0),
      ),
    );
    if (g) g.push(r);
    else groups.push([r]);
  }
  // An alias two sources claim ("CSM") identifies neither.
  const claims = new Map();
  for (const g of groups)
    for (const n of new Set(g.flatMap((r) => [r.name, ...r.aliases].map((x) => x.toLowerCase()))))
      claims.set(n, (claims.get(n) ?? 0) + 1);
  const sources = groups.map((g) => {
    const primary = primaryOf(g);
    const names = [...new Set(g.flatMap((r) => [r.name, ...r.aliases]))].filter(
      (n) => n !== primary.name && claims.get(n.toLowerCase()) === 1,
    );
    const source = {
      name: primary.name,
      aliases: names.length ? names : undefined,
      domains: [...new Set(g.flatMap((r) => r.addresses))]
        .sort()
        .map((d) => (curation.exactHosts.hosts.includes(d) ? `=${d}` : d)),
      doi: curation.doiPrefixes[primary.name],
      status: primary.status,
      reason: curation.reasons[primary.name] ?? reasonFor(primary.info, primary.status),
      scope: g.length > 1 ? primary.scope : undefined,
      scopes:
        g.length > 1
          ? g.filter((r) => r !== primary).map((r) => ({ scope: r.scope ?? 'other uses', status: r.status }))
          : undefined,
    };
    return JSON.parse(JSON.stringify(source));
  });
  sources.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { sources, skipped };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let text;
  try {
    text = fs.readFileSync(csvPath, 'utf8');
  } catch (e) {
    process.stderr.write(`build-sources: cannot read ${csvPath}: ${e.code ?? e.message}\n`);
    process.exit(2);
  }
  const { sources, skipped } = buildList(parseCsv(text));
  for (const s of skipped) process.stderr.write(`build-sources: skipped ${s}\n`);
  const list = {
    $comment:
      'Generated by scripts/sources/build.mjs from a CSV snapshot of the list; do not edit. CC BY-SA: see NOTICE.md.',
    title: "Wikipedia's perennial sources list",
    url: 'https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources',
    date,
    license: 'CC BY-SA 3.0',
    sources,
  };
  const json = JSON.stringify(list, null, 0).replace(/\},\{"name"/g, '},\n{"name"') + '\n';
  if (check) {
    const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
    if (current !== json) {
      process.stderr.write(
        `build-sources: ${path.relative(root, out)} is out of date; run node scripts/sources/build.mjs\n`,
      );
      process.exit(1);
    }
    process.stdout.write(`build-sources: ${path.relative(root, out)} is up to date (${sources.length} sources)\n`);
  } else {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, json);
    process.stdout.write(
      `build-sources: wrote ${path.relative(root, out)}: ${sources.length} sources from ${records(text)} rows\n`,
    );
  }
}

function records(text) {
  return parseCsv(text).length;
}
