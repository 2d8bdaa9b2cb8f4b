/**
 * Prose inside HTML blocks. A block of raw HTML in Markdown (`<p>…</p>`, `<div>…</div>`, `<blockquote>…`) is parsed
 * with parse5 (the parser under rehype) with source locations, and its block-level elements become blocks of the same
 * kinds Markdown gives: paragraphs, headings (with their level), table cells, quotations. Text is copied from the
 * source at its exact offsets and every tag is blanked, so block text keeps the source's length. Links (`<a href>`)
 * become links; `<sup>12</sup>` becomes `^    12     ^`, the superscript form citations.ts reads; `<q>` gets quotation
 * marks.
 * Figures and their captions, pull quotes, scripts and styles are not prose.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { Block, BlockKind, FootnoteRef, LinkInfo } from './markdown.js';
import type { NonProse, NonProseKind } from './non-prose.js';
import type { Span } from './types.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Masks a run of source text as Markdown text nodes are masked (bare URLs). */
export type MaskText = (slice: string, offset: number, links: LinkInfo[]) => string;

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'canvas',
  'pre',
  'textarea',
  'select',
  'button',
  'nav',
  'form',
  'head',
  'title',
  'img',
  'picture',
  'source',
  'map',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'blockquote',
  'figure',
  'figcaption',
  'details',
  'summary',
  'center',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'address',
  'hr',
  'body',
  'html',
  'hgroup',
  'fieldset',
  'legend',
]);
/** What a superscript reference number looks like: `12`, `[12]`, `12,13`, `12–14`. */
export const NUMBERED =
  /^\s*(?:\d{1,3}(?:\s*[,–-]\s*\d{1,3})*|(?:\\?\[\s*\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*\\?\])+)\s*$/;
const CODE = new Set(['code', 'kbd', 'samp', 'var', 'tt']);
/** Class names that mark a block as something other than the writer's prose. */
const CLASS_KINDS: Array<[RegExp, NonProseKind]> = [
  [/pull-?quote|blockquote-pull/i, 'pull-quote'],
  [/caption|wp-caption-text/i, 'caption'],
  [/\bcredits?\b|photo-credit/i, 'credit'],
  [/\bbyline\b|\bauthor-?(?:name|info|box)\b/i, 'byline'],
  [/\b(?:author-)?bio\b|about-author/i, 'bio'],
  [/related|read-?more|more-stories|recommended|newsletter|share-?buttons|social/i, 'read-more'],
  [/\b(?:references|footnotes|endnotes|bibliography)\b/i, 'references'],
];

/** Whether an HTML block holds text worth parsing (not just comments, empty tags, or `<br>`). */
export function hasHtmlText(value: string): boolean {
  return /[^\s<]/.test(value.replace(/<!--[\s\S]*?(?:-->|$)|<[^>]*>?/g, ''));
}

export interface HtmlResult {
  blocks: Block[];
  nonProse: NonProse[];
}

const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

/** Parses the HTML block `source.slice(span.start, span.end)` into blocks with document offsets. */
export function htmlBlocks(source: string, span: Span, inQuote: boolean, maskText: MaskText): HtmlResult {
  const html = source.slice(span.start, span.end);
  const root = parseFragment(html, { sourceCodeLocationInfo: true });
  const out: HtmlResult = { blocks: [], nonProse: [] };
  const loc = (n: Node): Span | undefined => {
    const l = (n as { sourceCodeLocation?: { startOffset: number; endOffset: number } | null }).sourceCodeLocation;
    return l ? { start: span.start + l.startOffset, end: span.start + l.endOffset } : undefined;
  };

  /** One block from a run of inline nodes. */
  const flush = (run: Node[], kind: BlockKind, quote: boolean, extra: Partial<Block>): void => {
    const first = run.map(loc).find(Boolean);
    const last = [...run].reverse().map(loc).find(Boolean);
    if (!first || !last) return;
    const block: Block = {
      kind,
      start: first.start,
      end: last.end,
      text: '',
      inQuote: quote,
      links: [],
      footnoteRefs: [],
      html: true,
      ...extra,
    };
    const chars: string[] = [];
    let cursor = block.start;
    const write = (at: number, content: string): void => {
      if (at < cursor) return;
      chars.push(' '.repeat(at - cursor), content);
      cursor = at + content.length;
    };
    // Iterative: pathological nesting must not overflow the stack. A mark is written after an element's children.
    const stack: Array<Node | { at: number; mark: string }> = [...run].reverse();
    while (stack.length > 0) {
      const n = stack.pop()!;
      if ('mark' in n) {
        write(n.at, n.mark);
        continue;
      }
      const s = loc(n);
      if (!s) continue;
      if (n.nodeName === '#text') {
        write(s.start, maskText(source.slice(s.start, s.end), s.start, block.links));
        continue;
      }
      if (!('tagName' in n)) continue;
      const name = n.tagName;
      if (SKIPPED.has(name) || name === 'br' || name === 'wbr') continue;
      if (CODE.has(name)) {
        write(s.start, 'x'.repeat(s.end - s.start));
        continue;
      }
      const tags = n.sourceCodeLocation;
      if (name === 'a') {
        const href = attr(n, 'href');
        if (href !== undefined) block.links.push({ span: s, url: href, bare: false, reference: false });
      } else if ((name === 'sup' || name === 'q') && tags?.startTag && tags.endTag) {
        const open = span.start + tags.startTag.startOffset;
        const close = span.start + tags.endTag.endOffset - 1;
        if (
          name === 'q' ||
          NUMBERED.test(source.slice(span.start + tags.startTag.endOffset, span.start + tags.endTag.startOffset))
        ) {
          write(open, name === 'q' ? '“' : '^');
          stack.push({ at: close, mark: name === 'q' ? '”' : '^' });
        }
      }
      for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
    }
    chars.push(' '.repeat(Math.max(0, block.end - cursor)));
    block.text = chars.join('');
    if (block.text.trim()) out.blocks.push(block);
  };

  const holdsBlocks = elementsHoldingBlocks(root);
  // Walk block-level structure; runs of inline content between block elements become blocks.
  const work: Array<{ el: Element | typeof root; kind: BlockKind; quote: boolean; extra: Partial<Block> }> = [
    { el: root, kind: 'paragraph', quote: inQuote, extra: {} },
  ];
  while (work.length > 0) {
    const { el, kind, quote, extra } = work.pop()!;
    let run: Node[] = [];
    const children: typeof work = [];
    let ordinal = 'tagName' in el && el.tagName === 'ol' ? Number(attr(el, 'start') ?? 1) : undefined;
    // The text right after an image with no text of its own is its caption (`<div><img></div>` then
    // `<center>The route in 1300…</center>`, as blog themes set them).
    let afterImage = false;
    const endRun = (): void => {
      if (visibleText(run)) {
        const s = afterImage ? spanOf(run.map(loc)) : undefined;
        if (s) out.nonProse.push({ kind: 'caption', span: s, footnoteRefs: [] });
        else flush(run, kind, quote, extra);
        afterImage = false;
      }
      run = [];
    };
    for (const child of el.childNodes) {
      // `<span class="divide"/><p>…</p><p>…</p>`: a span typed as if it closed itself holds the paragraphs after it,
      // each still a block of its own.
      if ('tagName' in child && !BLOCKS.has(child.tagName) && holdsBlocks.has(child)) {
        if (run.length > 0) endRun();
        children.push({ el: child, kind, quote, extra });
        continue;
      }
      if (!('tagName' in child) || !BLOCKS.has(child.tagName)) {
        if (child.nodeName === '#text' || ('tagName' in child && !SKIPPED.has(child.tagName))) run.push(child);
        else if ('tagName' in child && IMAGES.has(child.tagName)) afterImage = true;
        continue;
      }
      if (run.length > 0) endRun();
      const c = child as Element;
      const s = loc(c);
      const caption: boolean = afterImage && visibleText([c]) !== '';
      const nonProse = caption ? 'caption' : nonProseKind(c);
      afterImage = isImageOnly(c) || (afterImage && !caption);
      if (nonProse) {
        if (s) out.nonProse.push({ kind: nonProse, span: s, footnoteRefs: [] as FootnoteRef[] });
        continue;
      }
      const heading = /^h([1-6])$/.exec(c.tagName);
      // What a table cell holds (`<td><ul><li>527 killed</li></ul></td>`, an infobox's list) is the cell's.
      const childKind: BlockKind = heading
        ? 'heading'
        : c.tagName === 'td' || c.tagName === 'th' || kind === 'tableCell'
          ? 'tableCell'
          : 'paragraph';
      const childExtra: Partial<Block> = heading
        ? { depth: Number(heading[1]) }
        : c.tagName === 'li' && ordinal !== undefined
          ? { ordinal: ordinal++ }
          : {};
      // The blocks of one list share where its outermost list starts, as in Markdown (see Block.list).
      const list = extra.list ?? (c.tagName === 'li' && 'tagName' in el ? loc(el)?.start : undefined);
      if (list !== undefined) childExtra.list = list;
      children.push({ el: c, kind: childKind, quote: quote || c.tagName === 'blockquote', extra: childExtra });
    }
    if (run.length > 0) endRun();
    for (let i = children.length - 1; i >= 0; i--) work.push(children[i]);
  }
  out.blocks.sort((a, b) => a.start - b.start);
  return out;
}

/** The elements with a block element among their descendants, found in one pass from the leaves up. */
function elementsHoldingBlocks(root: Node): Set<Node> {
  const holding = new Set<Node>();
  // Iterative, children before their parent: pathological nesting must not overflow the stack.
  const stack: Array<{ node: Node; visited: boolean }> = [{ node: root, visited: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    const children = 'childNodes' in top.node ? top.node.childNodes : [];
    if (!top.visited) {
      stack.push({ node: top.node, visited: true });
      for (const c of children) if ('tagName' in c) stack.push({ node: c, visited: false });
    } else if (children.some((c) => 'tagName' in c && (BLOCKS.has(c.tagName) || holding.has(c)))) holding.add(top.node);
  }
  return holding;
}

const IMAGES = new Set(['img', 'picture', 'svg', 'video', 'iframe', 'canvas', 'object', 'embed']);
/** A kramdown attribute list (`{:.image-caption}`) and emphasis marks typed around HTML: no words of the text. */
const NOT_WORDS = /\{:[^{}\n]*\}|[*_\s]+/g;

/** The words a run of nodes shows (text outside scripts, styles and the like), attribute lists and emphasis aside. */
function visibleText(nodes: readonly Node[]): string {
  const parts: string[] = [];
  const stack = [...nodes];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') parts.push((n as DefaultTreeAdapterMap['textNode']).value);
    else if ('tagName' in n && !SKIPPED.has(n.tagName)) stack.push(...n.childNodes);
  }
  return parts.join(' ').replace(NOT_WORDS, ' ').trim();
}

/** More nodes than an image's wrapper holds: past this, an element is no image (and deep nesting stays linear). */
const MAX_IMAGE_WRAPPER = 24;

/** An element that holds an image and no words: what a caption after it describes. */
function isImageOnly(el: Element): boolean {
  let image = false;
  const stack: Node[] = [el];
  for (let seen = 0; stack.length > 0; seen++) {
    const n = stack.pop()!;
    if (
      seen > MAX_IMAGE_WRAPPER ||
      (n.nodeName === '#text' && /\S/.test((n as DefaultTreeAdapterMap['textNode']).value))
    )
      return false;
    if (!('tagName' in n)) continue;
    if (IMAGES.has(n.tagName)) image = true;
    else if (!SKIPPED.has(n.tagName)) stack.push(...n.childNodes);
  }
  return image;
}

function spanOf(spans: ReadonlyArray<Span | undefined>): Span | undefined {
  const known = spans.filter((s): s is Span => s !== undefined);
  return known.length > 0 ? { start: known[0].start, end: known[known.length - 1].end } : undefined;
}

function nonProseKind(el: Element): NonProseKind | undefined {
  if (el.tagName === 'figure' || el.tagName === 'figcaption') return 'caption';
  if (el.tagName === 'caption') return 'caption';
  const cls = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`;
  if (!cls.trim()) return undefined;
  return CLASS_KINDS.find(([re]) => re.test(cls))?.[1];
}
