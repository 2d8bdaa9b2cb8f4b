/**
 * Who a citation points to. A URL is classified as a link that is not a source (a shortener, a search page, a social
 * post, Wikipedia; `data/sources/links.json`) and matched against source ratings (the shipped list derived from
 * Wikipedia's perennial sources, the configuration's lists and ratings): by domain with its subdomains, the longest
 * matching path first. Bibliography names match only whole fields, so a short name like "RT" never matches prose.
 */
import fs from 'node:fs';
import { shippedFile } from './paths.js';

export type SourceStatus = 'reliable' | 'no-consensus' | 'unreliable' | 'deprecated' | 'blacklisted';
export const SOURCE_STATUSES: readonly SourceStatus[] = [
  'reliable',
  'no-consensus',
  'unreliable',
  'deprecated',
  'blacklisted',
];

/** One source of a list: the shape of `data/sources/perennial.json` and of the files `sources.lists` names. */
export interface SourceEntry {
  name: string;
  aliases?: string[];
  /**
   * "example.com" or "example.com/section"; subdomains match too, except for "=example.com" (that host and www. only).
   */
  domains?: string[];
  /** DOI registrant prefixes ("10.3390"). */
  doi?: string[];
  status: SourceStatus;
  reason?: string;
  /** When the status holds for one kind of coverage only ("international politics"). */
  scope?: string;
  /** The status for the source's other kinds of coverage. */
  scopes?: Array<{ scope: string; status: SourceStatus }>;
}

export interface SourceListData {
  title?: string;
  date?: string;
  url?: string;
  sources: SourceEntry[];
}

export interface RatedSource extends SourceEntry {
  /** Where the rating comes from, for messages: "Wikipedia's perennial sources list, 2021-03-17". */
  list: string;
}

export type LinkKind = 'shortener' | 'redirect' | 'search' | 'social' | 'wiki';

export interface LinkVerdict {
  /** The host without "www.", of the page itself when the link is an archived or AMP copy. */
  host: string;
  kind?: LinkKind;
  /** The platform of a social or wiki link ("Telegram"). */
  platform?: string;
  source?: RatedSource;
  /** Tracking parameters in the link as written (`utm_source`, `fbclid`). */
  tracking: string[];
  /** Listed in `sources.ignore`: neither rule reports it. */
  ignored: boolean;
}

interface LinkData {
  shorteners: string[];
  redirectors: { hosts: string[] };
  search: { engines: string[]; paths: string[]; params: string[] };
  social: Array<{ name: string; hosts: string[] }>;
  wikis: Array<{ name: string; hosts: string[] }>;
  tracking: { prefixes: string[]; names: string[] };
  wrappers: { archives: string[]; amp: string[] };
}

let linkData: LinkData | undefined;
function links(): LinkData {
  return (linkData ??= JSON.parse(fs.readFileSync(shippedFile('data', 'sources', 'links.json'), 'utf8')) as LinkData);
}

let builtIn: SourceListData | undefined;
export function builtInList(): SourceListData {
  return (builtIn ??= JSON.parse(
    fs.readFileSync(shippedFile('data', 'sources', 'perennial.json'), 'utf8'),
  ) as SourceListData);
}

/** "Wikipedia's perennial sources list, 2021-03-17": how messages name a list. */
export function listLabel(list: SourceListData, fallback: string): string {
  const title = list.title ?? fallback;
  return list.date ? `${title}, ${list.date}` : title;
}

/** Whether `host` is `domain` or one of its subdomains. */
export function underDomain(host: string, domain: string): boolean {
  return (
    host === domain || (host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 0x2e) /* . */
  );
}

/** A bibliography or configuration name, compared loosely: case, punctuation and a leading "The" do not matter. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

const looksLikeDomain = (key: string): boolean => /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(key);
const stripWww = (host: string): string => (host.startsWith('www.') ? host.slice(4) : host);

/** Parses a link target; `www.…` without a scheme is a web address. Undefined for mailto:, relative links and junk. */
function parseUrl(raw: string): URL | undefined {
  const text = raw.trim();
  if (!/^(https?:\/\/|www\.)/i.test(text)) return undefined;
  try {
    return new URL(/^www\./i.test(text) ? `https://${text}` : text);
  } catch {
    return undefined;
  }
}

/** The page an archived or AMP copy stands for: web.archive.org/web/2022…/https://rt.com/x → rt.com/x. */
function unwrap(url: URL): URL {
  const host = stripWww(url.hostname);
  const data = links().wrappers;
  let inner: string | undefined;
  if (data.archives.some((a) => underDomain(host, a)))
    inner = /^\/web\/[^/]+\/(.+)$/.exec(url.pathname + url.search)?.[1];
  else if (data.amp.some((a) => underDomain(host, a)))
    inner = /^\/[cv]\/(s\/)?(.+)$/.exec(url.pathname + url.search)?.[2];
  else if (/^google\./.test(host) && url.pathname.startsWith('/amp/s/'))
    inner = url.pathname.slice('/amp/s/'.length) + url.search;
  if (!inner) return url;
  const parsed = parseUrl(/^https?:\/\//i.test(inner) ? inner : `https://${inner}`);
  return parsed ?? url;
}

function trackingParams(raw: string): string[] {
  const q = raw.indexOf('?');
  if (q < 0) return [];
  const { prefixes, names } = links().tracking;
  const query = raw.slice(q + 1).split('#')[0];
  return query
    .split('&')
    .map((p) => p.split('=')[0].toLowerCase())
    .filter((name) => names.includes(name) || prefixes.some((prefix) => name.startsWith(prefix)));
}

/** The link as written without its tracking parameters; the rest of the query, its order and the fragment stay. */
export function withoutTracking(raw: string): string {
  const q = raw.indexOf('?');
  if (q < 0) return raw;
  const hash = raw.indexOf('#', q);
  const query = raw.slice(q + 1, hash < 0 ? undefined : hash);
  const { prefixes, names } = links().tracking;
  const kept = query.split('&').filter((p) => {
    const name = p.split('=')[0].toLowerCase();
    return p && !names.includes(name) && !prefixes.some((prefix) => name.startsWith(prefix));
  });
  return raw.slice(0, q) + (kept.length ? `?${kept.join('&')}` : '') + (hash < 0 ? '' : raw.slice(hash));
}

let searchHost: RegExp | undefined;
function classify(url: URL, host: string): { kind: LinkKind; platform?: string } | undefined {
  const data = links();
  if (data.shorteners.some((h) => underDomain(host, h))) return { kind: 'shortener', platform: host };
  if (data.redirectors.hosts.some((h) => underDomain(host, h))) return { kind: 'redirect', platform: host };
  searchHost ??= new RegExp(
    `(^|\\.)(${data.search.engines.map((e) => e.replace(/\./g, '\\.')).join('|')})\\.[a-z]{2,3}(\\.[a-z]{2})?$`,
  );
  if (searchHost.test(host)) {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (path === '/url') return { kind: 'redirect', platform: host };
    const onResultsPath = data.search.paths.includes(path);
    const hasQuery = data.search.params.some((p) => url.searchParams.has(p));
    if (onResultsPath || (path === '/' && hasQuery)) return { kind: 'search', platform: host };
  }
  for (const s of data.social)
    if (s.hosts.some((h) => underDomain(host, h))) return { kind: 'social', platform: s.name };
  for (const w of data.wikis) if (w.hosts.some((h) => underDomain(host, h))) return { kind: 'wiki', platform: w.name };
  return undefined;
}

interface Layer {
  /** host → sources listed under it, with the path they are scoped to ('' for the whole host). */
  byHost: Map<string, Array<{ path: string; source: RatedSource; exact: boolean }>>;
  byName: Map<string, RatedSource>;
  byDoi: Map<string, RatedSource>;
  /** Ratings from configuration win over what a link looks like (a rated Telegram channel is reported as rated). */
  configured: boolean;
}

export interface SourceLayerInput {
  list: SourceListData;
  /** How messages name the list when it has no title (a file name). */
  label: string;
  configured: boolean;
}

function buildLayer(input: SourceLayerInput): Layer {
  const layer: Layer = { byHost: new Map(), byName: new Map(), byDoi: new Map(), configured: input.configured };
  const list = listLabel(input.list, input.label);
  for (const entry of input.list.sources) {
    const source: RatedSource = { ...entry, list };
    for (const d of entry.domains ?? []) {
      const exact = d.startsWith('=');
      const address = stripWww(
        d
          .slice(exact ? 1 : 0)
          .toLowerCase()
          .replace(/^https?:\/\//, '')
          .replace(/\/+$/, ''),
      );
      const slash = address.indexOf('/');
      const host = slash < 0 ? address : address.slice(0, slash);
      const path = slash < 0 ? '' : address.slice(slash);
      const at = layer.byHost.get(host) ?? [];
      at.push({ path, source, exact });
      layer.byHost.set(host, at);
    }
    for (const n of [entry.name, ...(entry.aliases ?? [])]) {
      const key = normalizeName(n);
      if (key && !layer.byName.has(key)) layer.byName.set(key, source);
    }
    for (const prefix of entry.doi ?? []) layer.byDoi.set(prefix, source);
  }
  for (const at of layer.byHost.values()) at.sort((a, b) => b.path.length - a.path.length);
  return layer;
}

/** The source a host and path belong to in one layer: the longest matching host suffix, then the longest path. */
function lookupHost(layer: Layer, host: string, path: string): { source: RatedSource; path: string } | undefined {
  const lowerPath = path.toLowerCase();
  for (let h = host; h;) {
    const at = layer.byHost.get(h);
    const underPath = (p: string): boolean =>
      p === '' ||
      lowerPath === p ||
      lowerPath.startsWith(p.endsWith('/') ? p : `${p}/`) ||
      lowerPath.startsWith(`${p}?`);
    const hit = at?.find((e) => (!e.exact || h === host) && underPath(e.path));
    if (hit) return hit;
    const dot = h.indexOf('.');
    h = dot < 0 ? '' : h.slice(dot + 1);
  }
  return undefined;
}

/** Source ratings in layers, highest priority first, and the addresses and names to ignore. */
export class SourceIndex {
  private readonly layers: Layer[];
  private readonly ignoredHosts: string[];
  private readonly ignoredNames: Set<string>;
  private readonly verdicts = new Map<string, LinkVerdict | undefined>();

  constructor(layers: readonly SourceLayerInput[], ignore: readonly string[] = []) {
    this.layers = layers.map(buildLayer);
    this.ignoredHosts = ignore.filter(looksLikeDomain).map((d) => stripWww(d.toLowerCase()));
    this.ignoredNames = new Set(ignore.filter((d) => !looksLikeDomain(d)).map(normalizeName));
  }

  private isIgnored(source: RatedSource | undefined): boolean {
    if (!source || this.ignoredNames.size === 0) return false;
    return [source.name, ...(source.aliases ?? [])].some((n) => this.ignoredNames.has(normalizeName(n)));
  }

  /** What a link target is: undefined when it is not a web address. Cached per URL. */
  resolveUrl(raw: string): LinkVerdict | undefined {
    if (this.verdicts.has(raw)) return this.verdicts.get(raw);
    const verdict = this.computeVerdict(raw);
    if (this.verdicts.size > 10_000) this.verdicts.clear();
    this.verdicts.set(raw, verdict);
    return verdict;
  }

  private computeVerdict(raw: string): LinkVerdict | undefined {
    const written = parseUrl(raw);
    if (!written) return undefined;
    const url = unwrap(written);
    const host = stripWww(url.hostname.toLowerCase());
    const path = url.pathname + url.search;
    let source: RatedSource | undefined;
    // A rating from configuration, or one scoped to a path (a channel on YouTube), says more than the platform does.
    let specific = false;
    for (const layer of this.layers) {
      const hit = lookupHost(layer, host, path);
      if (hit) {
        source = hit.source;
        specific = layer.configured || hit.path !== '';
        break;
      }
    }
    const kind = specific ? undefined : classify(url, host);
    const ignored =
      this.ignoredHosts.some(
        (d) => underDomain(host, d.split('/')[0]) && (!d.includes('/') || `${host}${path}`.startsWith(d)),
      ) || this.isIgnored(source);
    return { host, ...kind, source: kind ? undefined : source, tracking: trackingParams(raw), ignored };
  }

  /** The source a whole bibliography field names ("Russia Today", "RT"), if any. */
  resolveName(name: string): RatedSource | undefined {
    const key = normalizeName(name);
    if (!key) return undefined;
    for (const layer of this.layers) {
      const hit = layer.byName.get(key);
      if (hit) return this.isIgnored(hit) ? undefined : hit;
    }
    return undefined;
  }

  /** The publisher a DOI's registrant prefix belongs to ("10.3390/…" → MDPI). */
  resolveDoi(doi: string): RatedSource | undefined {
    const prefix = /^10\.\d{4,9}/.exec(doi.trim())?.[0];
    if (!prefix) return undefined;
    for (const layer of this.layers) {
      const hit = layer.byDoi.get(prefix);
      if (hit) return this.isIgnored(hit) ? undefined : hit;
    }
    return undefined;
  }
}

const STATUS_TEXT: Record<SourceStatus, string> = {
  reliable: 'generally reliable',
  'no-consensus': 'no consensus on reliability',
  unreliable: 'generally unreliable',
  deprecated: 'deprecated',
  blacklisted: 'blacklisted',
};

/** "generally unreliable for international politics (no consensus on reliability for general topics)". */
export function describeStatus(source: SourceEntry): string {
  const main = STATUS_TEXT[source.status] + (source.scope ? ` for ${source.scope}` : '');
  const others = (source.scopes ?? []).map((s) => `${STATUS_TEXT[s.status]} for ${s.scope}`);
  return others.length ? `${main} (${others.join('; ')})` : main;
}
