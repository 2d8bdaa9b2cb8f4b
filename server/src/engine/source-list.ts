/**
 * The article's source list: every source its writer's prose cites (through links, footnotes and citation keys; a
 * source only named in the text, "according to the ministry", is not a citation), with its rating, how many claims it
 * supports and where it is first used. Shared by
 * `sourcelint sources`, the HTML report and the editor's Sources view.
 */
import { isClaim } from './claims.js';
import { entryTarget } from './cited-sources.js';
import { describeStatus, type LinkVerdict, type RatedSource, type SourceStatus } from './sources.js';
import { formatShortReference } from './bibliography.js';
import type { LintResult } from './linter.js';
import type { Marker } from './citations.js';
import type { Span } from './types.js';

export type ListedStatus = SourceStatus | 'not-a-source' | 'unrated';

export interface ListedSource {
  /** The rated source's name, the platform of a non-source link, the host, or the name the citation gives. */
  name: string;
  domain?: string;
  status: ListedStatus;
  /** "deprecated", "generally unreliable for international politics (…)", "Telegram post", "not rated". */
  detail: string;
  reason?: string;
  /** The list the rating comes from. */
  list?: string;
  /** Claims this source is cited for. */
  claims: number;
  /** Citations of it. */
  uses: number;
  /** Where it is first cited. */
  first: Span;
}

export interface SourceSummary {
  sources: number;
  byStatus: Partial<Record<ListedStatus, number>>;
  /** Claims that cite exactly one source. */
  singleSource: number;
  /** "14 sources, 2 deprecated, 5 claims rest on a single source". */
  line: string;
}

const KIND_DETAIL: Record<string, string> = {
  shortener: 'shortened link',
  redirect: 'redirect link',
  search: 'search results page',
  social: 'social-media post',
  wiki: 'wiki, not a source',
};

interface Resolved {
  key: string;
  source: Omit<ListedSource, 'claims' | 'uses' | 'first'>;
}

function fromRated(rated: RatedSource, domain?: string): Resolved {
  return {
    key: `rated:${rated.name}`,
    source: {
      name: rated.name,
      domain,
      status: rated.status,
      detail: describeStatus(rated),
      reason: rated.reason,
      list: rated.list,
    },
  };
}

function fromVerdict(v: LinkVerdict): Resolved {
  if (v.kind) {
    const name = v.platform ?? v.host;
    return {
      key: `kind:${name}`,
      source: { name, domain: v.host, status: 'not-a-source', detail: KIND_DETAIL[v.kind] },
    };
  }
  if (v.source && !v.ignored) return fromRated(v.source, v.host);
  return { key: `host:${v.host}`, source: { name: v.host, domain: v.host, status: 'unrated', detail: 'not rated' } };
}

function fromName(name: string, result: LintResult): Resolved {
  const rated = result.sources.resolveName(name);
  if (rated) return fromRated(rated);
  return { key: `name:${name.toLowerCase()}`, source: { name, status: 'unrated', detail: 'not rated' } };
}

/** The leading name of a footnote with no link: "Reuters, “Title”, 2022." → "Reuters". */
const leadingName = (content: string): string =>
  content
    .split(/[,.:;“"(]/)[0]
    .trim()
    .slice(0, 80);

export function listSources(result: LintResult): { sources: ListedSource[]; summary: SourceSummary } {
  const doc = result.document;
  const footnoteLinks = new Map<string, string[]>();
  for (const pb of doc.prose) {
    const id = pb.block.footnote;
    if (id !== undefined)
      footnoteLinks.set(id, [...(footnoteLinks.get(id) ?? []), ...pb.block.links.map((l) => l.url).filter(Boolean)]);
  }
  const footnoteText = new Map(doc.parsed.footnotes.map((f) => [f.id, f.content]));
  const claimOf = new Map(result.claims.filter(isClaim).map((c) => [c.sentence, c]));

  const resolveMarker = (m: Marker): Resolved[] => {
    if (m.kind === 'link') {
      const v = m.id ? result.sources.resolveUrl(m.id) : undefined;
      return v ? [fromVerdict(v)] : [];
    }
    if (m.kind === 'footnote') {
      const urls = footnoteLinks.get(m.id ?? '') ?? [];
      const verdicts = urls.map((u) => result.sources.resolveUrl(u)).filter((v): v is LinkVerdict => !!v);
      if (verdicts.length > 0) return verdicts.map(fromVerdict);
      const name = leadingName(footnoteText.get(m.id ?? '') ?? '');
      return name ? [fromName(name, result)] : [];
    }
    return (m.keys ?? []).flatMap((k): Resolved[] => {
      const entry = result.bibliography?.entries.get(k.key);
      if (!entry) return [];
      const t = entryTarget(result.sources, entry);
      if (t.verdict && (t.verdict.kind || (t.verdict.source && !t.verdict.ignored))) return [fromVerdict(t.verdict)];
      if (t.named) return [fromRated(t.named)];
      if (t.verdict) return [fromVerdict(t.verdict)];
      return [fromName(entry.publishers?.[0] ?? formatShortReference(entry), result)];
    });
  };

  const byKey = new Map<string, ListedSource & { claimSet: Set<unknown> }>();
  const use = (r: Resolved, at: Span, claim: unknown): void => {
    let s = byKey.get(r.key);
    if (!s) byKey.set(r.key, (s = { ...r.source, claims: 0, uses: 0, first: at, claimSet: new Set() }));
    s.uses++;
    if (claim) s.claimSet.add(claim);
  };
  let singleSource = 0;
  for (const pb of doc.prose) {
    if (pb.block.footnote !== undefined) continue;
    for (const sentence of pb.sentences) {
      const claim = claimOf.get(sentence);
      const keys = new Set<string>();
      for (const m of sentence.citations) {
        for (const r of resolveMarker(m)) {
          use(r, m.span, claim);
          keys.add(r.key);
        }
      }
      if (claim && keys.size === 1) singleSource++;
    }
  }
  const sources = [...byKey.values()].map(({ claimSet, ...s }) => ({ ...s, claims: claimSet.size }));
  return { sources, summary: summarize(sources, singleSource) };
}

const SUMMARY_ORDER: Array<[ListedStatus, string, string]> = [
  ['blacklisted', 'blacklisted', 'blacklisted'],
  ['deprecated', 'deprecated', 'deprecated'],
  ['unreliable', 'generally unreliable', 'generally unreliable'],
  ['no-consensus', 'with no consensus', 'with no consensus'],
  ['not-a-source', 'link that is not a source', 'links that are not sources'],
];

function summarize(sources: readonly ListedSource[], singleSource: number): SourceSummary {
  const byStatus: SourceSummary['byStatus'] = {};
  for (const s of sources) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
  const parts = [`${sources.length} source${sources.length === 1 ? '' : 's'}`];
  for (const [status, one, many] of SUMMARY_ORDER) {
    const n = byStatus[status] ?? 0;
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  }
  parts.push(`${singleSource} claim${singleSource === 1 ? ' rests' : 's rest'} on a single source`);
  return { sources: sources.length, byStatus, singleSource, line: parts.join(', ') };
}

/** What the editor's hover says about the source of the link or citation key at `offset`, if there is one. */
export function sourceAt(result: LintResult, offset: number): string | undefined {
  for (const pb of result.document.prose) {
    if (offset < pb.block.start || offset > pb.block.end) continue;
    for (const m of pb.markers) {
      if (offset < m.span.start || offset > m.span.end || m.kind === 'footnote') continue;
      const resolved = (m.kind === 'link' ? resolveLink(result, m.id) : resolveKeyAt(result, m, offset)) ?? undefined;
      if (resolved) return describeListed(resolved.source);
    }
  }
  return undefined;
}

function resolveLink(result: LintResult, url: string | undefined): Resolved | undefined {
  const v = url ? result.sources.resolveUrl(url) : undefined;
  return v && fromVerdict(v);
}

function resolveKeyAt(result: LintResult, m: Marker, offset: number): Resolved | undefined {
  const key = m.keys?.find((k) => offset >= k.span.start - 1 && offset <= k.span.end) ?? m.keys?.[0];
  const entry = key && result.bibliography?.entries.get(key.key);
  if (!entry) return undefined;
  const t = entryTarget(result.sources, entry);
  if (t.verdict && (t.verdict.kind || (t.verdict.source && !t.verdict.ignored))) return fromVerdict(t.verdict);
  if (t.named) return fromRated(t.named);
  return t.verdict ? fromVerdict(t.verdict) : undefined;
}

/** "**Source: RT** (rt.com) — deprecated. Has published … (rating: …)". */
export function describeListed(s: Omit<ListedSource, 'claims' | 'uses' | 'first'>): string {
  const domain = s.domain && s.domain !== s.name ? ` (${s.domain})` : '';
  const reason = s.reason ? ` ${s.reason.charAt(0).toUpperCase()}${s.reason.slice(1)}.` : '';
  const list = s.list ? ` *(rating: ${s.list})*` : '';
  return `**Source: ${s.name}**${domain} — ${s.detail}.${reason}${list}`;
}
