/**
 * What a document cites, resolved to sources: every link and bare URL in its prose and footnotes, every citation key
 * through its bibliography entry (url, doi, then the publisher fields). Shared by `unreliable-source`,
 * `non-source-link`, the article's source list and the editor's hover.
 */
import type { AnalyzedDocument, Sentence } from './document.js';
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

/** The URL a bibliography entry points to: its `url`, else its DOI's resolver link. */
export function entryUrl(entry: BibEntry): string | undefined {
  return entry.url ?? (entry.doi ? `https://doi.org/${entry.doi}` : undefined);
}

/** A bibliography entry's source: its URL first, then its DOI's registrant, then a field that names a rated source. */
export function entryTarget(sources: SourceIndex, entry: BibEntry): Pick<CitedTarget, 'url' | 'verdict' | 'named'> {
  const url = entryUrl(entry);
  const verdict = entry.url ? sources.resolveUrl(entry.url) : undefined;
  if (verdict && (verdict.kind || verdict.source)) return { url, verdict };
  const named =
    (entry.doi && sources.resolveDoi(entry.doi)) || entry.publishers?.map((p) => sources.resolveName(p)).find((s) => s);
  return { url, verdict, named: named || undefined };
}

const computed = new WeakMap<AnalyzedDocument, { sources: SourceIndex; targets: CitedTarget[] }>();

/** Every citation of the document with what it resolves to, in document order; computed once per lint. */
export function citedTargets(
  doc: AnalyzedDocument,
  sources: SourceIndex,
  bibliography: Bibliography | undefined,
): CitedTarget[] {
  const known = computed.get(doc);
  if (known && known.sources === sources) return known.targets;
  const targets = collectTargets(doc, sources, bibliography);
  computed.set(doc, { sources, targets });
  return targets;
}

function collectTargets(
  doc: AnalyzedDocument,
  sources: SourceIndex,
  bibliography: Bibliography | undefined,
): CitedTarget[] {
  const out: CitedTarget[] = [];
  for (const pb of doc.prose) {
    for (const link of pb.block.links) {
      if (!link.url) continue;
      const verdict = sources.resolveUrl(link.url);
      if (!verdict) continue;
      const urlSpan = link.reference ? undefined : link.bare ? link.span : urlSpanIn(doc.text, link.span, link.url);
      out.push({
        span: link.span,
        url: link.url,
        urlSpan,
        verdict,
        link: { bare: link.bare, reference: link.reference, footnote: pb.block.footnote !== undefined },
      });
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

/** What a sentence cites, as saved copies are looked up: by citation key or footnote label, and by URL. */
export interface SentenceSources {
  /** Citation keys, footnote labels and reference numbers. */
  keys: string[];
  /**
   * Links and bare URLs in the sentence, in its footnotes' definitions, its keys' bibliography entries and its numbered
   * references.
   */
  urls: string[];
}

const URLS = /https?:\/\/[^\s<>)\]"]+/g;

const resolved = new WeakMap<
  AnalyzedDocument,
  { bibliography: Bibliography | undefined; bySentence: Map<Sentence, SentenceSources> }
>();

/**
 * The keys and URLs of a sentence's sources: its citation keys (and their entries' URLs), footnote labels (and the
 * URLs in the footnote's definition), links and bare URLs, numbered references (and their entries' URLs); "ibid."
 * repeats the sources of the cited sentence before it. Resolved for the whole document in one pass, once per lint.
 */
export function sentenceSources(
  doc: AnalyzedDocument,
  bibliography: Bibliography | undefined,
  sentence: Sentence,
): SentenceSources {
  let known = resolved.get(doc);
  if (!known || known.bibliography !== bibliography) {
    known = { bibliography, bySentence: resolveSentences(doc, bibliography) };
    resolved.set(doc, known);
  }
  return known.bySentence.get(sentence) ?? { keys: [], urls: [] };
}

function resolveSentences(
  doc: AnalyzedDocument,
  bibliography: Bibliography | undefined,
): Map<Sentence, SentenceSources> {
  const footnotes = new Map<string, string[]>();
  for (const pb of doc.prose) {
    const id = pb.block.footnote;
    if (id === undefined) continue;
    const list = footnotes.get(id) ?? [];
    for (const link of pb.block.links) if (link.url) list.push(link.url);
    footnotes.set(id, list);
  }
  const references = new Map<number, string[]>();
  for (const e of doc.parsed.references.entries) {
    if (e.number !== undefined) references.set(e.number, doc.text.slice(e.span.start, e.span.end).match(URLS) ?? []);
  }
  const bySentence = new Map<Sentence, SentenceSources>();
  let previous: SentenceSources | undefined;
  for (const pb of doc.prose) {
    for (const sentence of pb.sentences) {
      if (sentence.citations.length === 0) continue;
      const keys = new Set<string>();
      const urls = new Set<string>();
      for (const m of sentence.citations) {
        if (m.kind === 'footnote' && m.id !== undefined) {
          keys.add(m.id);
          for (const u of footnotes.get(m.id) ?? []) urls.add(u);
        } else if (m.kind === 'link' && m.id) {
          urls.add(m.id);
        } else if (m.kind === 'reference') {
          for (const n of m.numbers ?? []) {
            keys.add(String(n));
            for (const u of references.get(n) ?? []) urls.add(u);
          }
        } else if (m.kind === 'ibid' && previous) {
          for (const k of previous.keys) keys.add(k);
          for (const u of previous.urls) urls.add(u);
        } else {
          for (const k of m.keys ?? []) {
            keys.add(k.key);
            const entry = bibliography?.entries.get(k.key);
            const url = entry && entryUrl(entry);
            if (url) urls.add(url);
          }
        }
      }
      if (keys.size + urls.size === 0) continue;
      previous = { keys: [...keys], urls: [...urls] };
      bySentence.set(sentence, previous);
    }
  }
  return bySentence;
}
