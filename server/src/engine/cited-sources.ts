/**
 * What a document cites, resolved to sources: every link and bare URL in its prose and footnotes, every citation key
 * through its bibliography entry (url, doi, then the publisher fields). Shared by `unreliable-source`,
 * `non-source-link`, the article's source list and the editor's hover.
 */
import type { AnalyzedDocument } from './document.js';
import type { Bibliography, BibEntry } from './bibliography.js';
import type { LinkVerdict, RatedSource, SourceIndex } from './sources.js';
import type { Span } from './types.js';

export interface CitedTarget {
  /** Where the citation is: the link, the bare URL or the citation key. */
  span: Span;
  /** The URL as the document or the bibliography gives it. */
  url?: string;
  /** The URL's own text in this document, when a fix can edit it. */
  urlSpan?: Span;
  verdict?: LinkVerdict;
  /** A source found through a bibliography entry's doi or publisher fields. */
  named?: RatedSource;
  /** For a link: how it is written and whether it sits in a footnote definition. */
  link?: { bare: boolean; reference: boolean; footnote: boolean };
  /** The bibliography entry behind a citation key. */
  entry?: BibEntry;
  key?: string;
}

/** The span of `url` inside the link at `span`, searched from the end (the target follows the link text). */
function urlSpanIn(text: string, span: Span, url: string): Span | undefined {
  if (!url) return undefined;
  const at = text.lastIndexOf(url, span.end - url.length);
  return at >= span.start ? { start: at, end: at + url.length } : undefined;
}

/** A bibliography entry's source: its URL first, then its DOI's registrant, then a field that names a rated source. */
export function entryTarget(sources: SourceIndex, entry: BibEntry): Pick<CitedTarget, 'url' | 'verdict' | 'named'> {
  const url = entry.url ?? (entry.doi ? `https://doi.org/${entry.doi}` : undefined);
  const verdict = entry.url ? sources.resolveUrl(entry.url) : undefined;
  if (verdict && (verdict.kind || verdict.source)) return { url, verdict };
  const named = (entry.doi && sources.resolveDoi(entry.doi)) || entry.publishers?.map((p) => sources.resolveName(p)).find((s) => s);
  return { url, verdict, named: named || undefined };
}

const computed = new WeakMap<AnalyzedDocument, { sources: SourceIndex; targets: CitedTarget[] }>();

/** Every citation of the document with what it resolves to, in document order; computed once per lint. */
export function citedTargets(doc: AnalyzedDocument, sources: SourceIndex, bibliography: Bibliography | undefined): CitedTarget[] {
  const known = computed.get(doc);
  if (known && known.sources === sources) return known.targets;
  const targets = collectTargets(doc, sources, bibliography);
  computed.set(doc, { sources, targets });
  return targets;
}

function collectTargets(doc: AnalyzedDocument, sources: SourceIndex, bibliography: Bibliography | undefined): CitedTarget[] {
  const out: CitedTarget[] = [];
  for (const pb of doc.prose) {
    for (const link of pb.block.links) {
      if (!link.url) continue;
      const verdict = sources.resolveUrl(link.url);
      if (!verdict) continue;
      const urlSpan = link.reference ? undefined : link.bare ? link.span : urlSpanIn(doc.text, link.span, link.url);
      out.push({ span: link.span, url: link.url, urlSpan, verdict, link: { bare: link.bare, reference: link.reference, footnote: pb.block.footnote !== undefined } });
    }
    if (!bibliography) continue;
    for (const m of pb.markers) {
      for (const k of m.keys ?? []) {
        const entry = bibliography.entries.get(k.key);
        if (entry) out.push({ span: k.span, key: k.key, entry, ...entryTarget(sources, entry) });
      }
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The rated source behind a target, unless it is ignored. */
export function ratedSource(target: CitedTarget): RatedSource | undefined {
  if (target.verdict?.ignored) return undefined;
  return target.verdict?.source ?? target.named;
}
