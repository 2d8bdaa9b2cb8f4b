/**
 * Incremental parsing for the editor. micromark has no incremental mode, and a keystroke in a long draft re-parsed the
 * whole document (most of the time of a re-lint). After an edit, the top-level blocks around it are parsed again
 * and the rest of the previous tree is kept, its offsets shifted.
 *
 * A slice parses as it would inside the document when it starts at a line that began a top-level block before the
 * edit (that line and all before it are unchanged, so it still does), when it ends leaving open what it left open
 * before, and when it sees the same link and footnote definitions. So the slice takes the edited top-level blocks
 * when a blank line sets them apart from closed blocks, else one unchanged block on each side of the edit (more if that
 * fails); the definitions found elsewhere are appended to it as stubs (a `[x]` or
 * `[^x]` is only a reference when its definition exists), after a thematic break that an unclosed fence or comment
 * would swallow; and the result is checked: nothing runs into the appended text, the last block parses as before (or
 * is one a blank line closes, with a blank line after it). An edit that adds or removes a definition also re-parses,
 * each alone, the kept blocks that mention its label. Anything else falls back to parsing the whole document.
 */
import type { Nodes, Root, RootContent } from 'mdast';

interface Parse {
  /** The text the parser saw (neutralised), and the syntax it was parsed with. */
  text: string;
  syntax: string;
  tree: Root;
}

/** One document's last parse, kept between lints (see LintCache). */
export class TreeMemory {
  last?: Parse;
  /** Characters handed to the Markdown parser: the parsing work edits cost, for tests. */
  parsedChars = 0;
}

const start = (n: Nodes): number => n.position?.start.offset ?? -1;
const end = (n: Nodes): number => n.position?.end.offset ?? -1;
const BLANK_GAP = /^[ \t\r]*\n[ \t\r]*\n[ \t\r\n]*$/;

/** The tree of `text`: spliced from the previous parse when the edit allows, else parsed whole. */
export function parseWithMemory(memory: TreeMemory, text: string, syntax: string, parse: (text: string) => Root): Root {
  const last = memory.last;
  let tree =
    last && last.syntax === syntax ? (last.text === text ? last.tree : splice(memory, last, text, parse)) : undefined;
  if (!tree) {
    tree = parse(text);
    memory.parsedChars += text.length;
  }
  memory.last = { text, syntax, tree };
  return tree;
}

/**
 * Blocks of unchanged text kept on each side of an edit: none when the edited blocks stand apart, then one, then more
 * when the edit joined or split blocks.
 */
const MARGINS = [0, 1, 4];
/**
 * Closes whatever the slice leaves open that a blank line closes, and is swallowed by what it does not (an unclosed
 * fence or comment).
 */
const SENTINEL = '***';
const SEPARATOR = `\n\n${SENTINEL}\n\n`;
/**
 * Blocks that a blank line ends whatever follows it; a list, quotation, footnote or indented code may go on after it.
 */
const CLOSED_BY_BLANK_LINE = new Set(['paragraph', 'heading', 'thematicBreak', 'table', 'html', 'definition']);
/** Front matter, which ends on its closing fence. */
const FRONT_MATTER = new Set(['yaml', 'toml']);

function splice(memory: TreeMemory, last: Parse, text: string, parse: (text: string) => Root): Root | undefined {
  for (const margin of MARGINS) {
    const tree = spliceWith(margin, memory, last, text, parse);
    if (tree) return tree;
  }
  return undefined;
}

function spliceWith(
  margin: number,
  memory: TreeMemory,
  last: Parse,
  text: string,
  parse: (text: string) => Root,
): Root | undefined {
  const old = last.text;
  const kids = last.tree.children;
  if (kids.length === 0 || kids.some((k) => start(k) < 0)) return undefined;
  // The changed stretch: [p, oldEnd) in the old text, [p, oldEnd + delta) in the new.
  const max = Math.min(old.length, text.length);
  const p = commonPrefix(old, text, max);
  const s = commonSuffix(old, text, max - p);
  const oldEnd = old.length - s;
  const delta = text.length - old.length;

  // Blocks touching the change, widened by one unchanged block on each side.
  let first = kids.findIndex((k) => end(k) >= p);
  if (first < 0) first = kids.length;
  let lastTouched = kids.length - 1;
  while (lastTouched >= 0 && start(kids[lastTouched]) > oldEnd) lastTouched--;
  const from = first - margin;
  const to = Math.min(kids.length, lastTouched + margin);
  // Without an unchanged block before it, the slice starts where the edited block did: the line before it must
  // continue nothing (a block that a blank line closes, then a blank line).
  if (
    margin === 0 &&
    (first >= kids.length ||
      (from > 0 &&
        !(
          (CLOSED_BY_BLANK_LINE.has(kids[from - 1].type) || FRONT_MATTER.has(kids[from - 1].type)) &&
          BLANK_GAP.test(old.slice(end(kids[from - 1]), start(kids[from])))
        )))
  )
    return undefined;
  let sliceStart = 0;
  if (from > 0) {
    const opening = kids[from].position!.start;
    sliceStart = opening.offset! - (opening.column - 1);
  }
  const suffix = to + 1 < kids.length ? to + 1 : kids.length;
  const sliceEndOld = suffix < kids.length ? end(kids[to]) : old.length;
  const blankAfter = suffix < kids.length && BLANK_GAP.test(old.slice(sliceEndOld, start(kids[suffix])));
  if (sliceEndOld < oldEnd || sliceStart > p) return undefined;

  const slice = text.slice(sliceStart, sliceEndOld + delta);
  // An opening "---" (or "+++") that closes no front matter changes how micromark reads footnote definitions anywhere
  // after it: edits that reach the front matter, or a document whose front matter is unclosed, are parsed whole. And a
  // thematic break at the slice's start must not read as front matter.
  if (/^(---|\+\+\+)/.test(old) && (sliceStart === 0 || !FRONT_MATTER.has(kids[0].type))) return undefined;
  if (sliceStart > 0 && /^(---|\.\.\.|\+\+\+)[ \t\r]*(\n|$)/.test(slice)) return undefined;
  const kept = [...kids.slice(0, Math.max(0, from)), ...kids.slice(suffix)];
  const keptDefinitions = definitionsIn(kept);
  const fresh = parseInContext(slice, keptDefinitions, memory, parse);
  if (!fresh) return undefined;
  // Before the kept blocks, the slice must leave open what it left open before (its last block parsed as before), or
  // nothing their first line could continue (a block that a blank line closes, then a blank line).
  const closing = fresh[fresh.length - 1];
  if (
    suffix < kids.length &&
    !(
      closing &&
      ((blankAfter && CLOSED_BY_BLANK_LINE.has(closing.type)) || sameShape(closing, sliceStart, kids[to], delta))
    )
  )
    return undefined;

  // An edit that adds or removes a definition changes what reads as a reference anywhere: the kept blocks that mention
  // one of those labels are parsed again, alone, in the new definitions' company.
  const replaced = kids.slice(Math.max(0, from), suffix);
  const before = definitionsIn(replaced);
  const after = definitionsIn(fresh);
  const changed = [...before.values(), ...after.values()].filter((d) => {
    const key = definitionKey(d);
    return before.has(key) !== after.has(key) && !keptDefinitions.has(key);
  });
  const reread = new Map<RootContent, RootContent>();
  if (changed.length > 0) {
    if (changed.some((d) => !PRINTABLE.test(d.identifier))) return undefined;
    // Each from its first line, with a sentinel after each: one parse for all (a parse's set-up is costly).
    const mentioning: { block: RootContent; at: number; own: string }[] = [];
    let at = 0;
    for (const [i, block] of kids.entries()) {
      if (i >= from && i < suffix) continue;
      const by = i >= suffix ? delta : 0;
      const opening = block.position!.start;
      const own = text.slice(opening.offset! - (opening.column - 1) + by, end(block) + by);
      const mentioned = asIdentifier(own);
      if (!changed.some((d) => mentions(mentioned, d.identifier))) continue;
      mentioning.push({ block, at, own });
      at += own.length + SEPARATOR.length;
    }
    const joined = mentioning.map((m) => m.own).join(SEPARATOR);
    const again =
      mentioning.length > 0 ? parseInContext(joined, new Map([...keptDefinitions, ...after]), memory, parse) : [];
    if (again?.length !== Math.max(0, 2 * mentioning.length - 1)) return undefined;
    for (const [k, { block, at: offset, own }] of mentioning.entries()) {
      const node = again[2 * k];
      if (
        (k > 0 && again[2 * k - 1].type !== 'thematicBreak') ||
        node.type !== block.type ||
        start(node) !== offset + block.position!.start.column - 1 ||
        end(node) !== offset + own.length
      )
        return undefined;
      reread.set(block, node);
    }
  }

  const startLine = from > 0 ? kids[from].position!.start.line - 1 : 0;
  const lineDelta = newlines(slice) - newlines(old.slice(sliceStart, sliceEndOld));
  for (const n of fresh) shift(n, sliceStart, startLine);
  for (const n of kids.slice(suffix)) shift(n, delta, lineDelta);
  // Re-read blocks were parsed one after another: moved to where they now stand.
  for (const [block, again] of reread) {
    const opening = block.position!.start;
    shift(again, start(block) - start(again), opening.line - again.position!.start.line);
  }
  const place = (n: RootContent): RootContent => reread.get(n) ?? n;
  const lastLine = text.lastIndexOf('\n');
  return {
    type: 'root',
    children: [
      ...kids.slice(0, Math.max(0, from)).map(place),
      ...fresh,
      ...kids.slice(suffix).map(place),
    ] as RootContent[],
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: {
        line: (last.tree.position?.end.line ?? 1) + lineDelta,
        column: text.length - lastLine,
        offset: text.length,
      },
    },
  };
}

const PRINTABLE = /^[\x20-\x7e]*$/;

/**
 * The top-level blocks of `slice` as it parses inside a document with `definitions` (a `[x]` or `[^x]` is a reference
 * only when its definition exists): stubs of the definitions it may mention are appended after a sentinel, or
 * undefined when anything runs into them.
 */
function parseInContext(
  slice: string,
  definitions: Definitions,
  memory: TreeMemory,
  parse: (text: string) => Root,
): RootContent[] | undefined {
  // Only the definitions the slice may refer to: each stub costs micromark as much as a paragraph, and a draft's notes
  // are often hundreds of definitions.
  const mentioned = asIdentifier(slice);
  const stubs = [...definitions.values()]
    .filter((d) => !PRINTABLE.test(d.identifier) || mentions(mentioned, d.identifier))
    .map((d) => (d.footnote ? `[^${d.label}]: x` : `[${d.label}]: x`));
  const source = `${slice}\n\n${[SENTINEL, ...stubs].join('\n\n')}\n`;
  const sub = parse(source);
  memory.parsedChars += source.length;
  const fresh = sub.children.filter((n) => start(n) < slice.length);
  const tail = sub.children.slice(fresh.length);
  if (fresh.some((n) => end(n) > slice.length) || tail.length !== stubs.length + 1 || tail[0].type !== 'thematicBreak')
    return undefined;
  if (tail.slice(1).some((n) => n.type !== 'definition' && n.type !== 'footnoteDefinition')) return undefined;
  return fresh;
}

/** Characters compared at once (natively) before the character walk that finds where an edit starts or ends. */
const CHUNK = 1024;

/** The length of the text `a` and `b` start with, up to `max`. */
function commonPrefix(a: string, b: string, max: number): number {
  let p = 0;
  while (p + CHUNK <= max && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** The length of the text `a` and `b` end with, up to `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let s = 0;
  while (
    s + CHUNK <= max &&
    a.slice(a.length - s - CHUNK, a.length - s) === b.slice(b.length - s - CHUNK, b.length - s)
  )
    s += CHUNK;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

function newlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Text as micromark compares labels (whitespace runs as one space, case folded as in `normalizeIdentifier`, then lower
 * case as mdast's identifiers): a reference in `text` to a definition with a printable-ASCII identifier contains it.
 */
const asIdentifier = (text: string): string =>
  text
    .replace(/[\t\n\r ]+/g, ' ')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase();

interface Definition {
  label: string;
  identifier: string;
  footnote: boolean;
}
/** Definitions by key: link and footnote labels are kept apart. */
type Definitions = Map<string, Definition>;
const definitionKey = (d: Definition): string => `${d.footnote ? '^' : ''}${d.identifier}`;

/** Whether `normalized` (see asIdentifier) may hold a reference to `identifier`: its label ends at a "]". */
const mentions = (normalized: string, identifier: string): boolean =>
  normalized.includes(`${identifier}]`) || normalized.includes(`${identifier} ]`);

/** Link and footnote definitions anywhere inside `nodes` (they may sit in lists and quotations), by identifier. */
function definitionsIn(nodes: readonly Nodes[]): Definitions {
  const found: Definitions = new Map();
  const stack = [...nodes];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'definition' || n.type === 'footnoteDefinition') {
      const d = { label: n.label ?? n.identifier, identifier: n.identifier, footnote: n.type === 'footnoteDefinition' };
      if (!found.has(definitionKey(d))) found.set(definitionKey(d), d);
    }
    // Definitions are blocks: only block containers can hold them.
    if (
      (n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote' || n.type === 'footnoteDefinition') &&
      'children' in n
    )
      stack.push(...(n.children as Nodes[]));
  }
  return found;
}

/**
 * Whether `a` (offsets relative to `aBy`) parsed as `b` did (shifted by `bBy`): same types and extents, all the way
 * down.
 */
function sameShape(a: Nodes, aBy: number, b: Nodes, bBy: number): boolean {
  if (a.type !== b.type || start(a) + aBy !== start(b) + bBy || end(a) + aBy !== end(b) + bBy) return false;
  const ac = 'children' in a ? (a.children as Nodes[]) : [];
  const bc = 'children' in b ? (b.children as Nodes[]) : [];
  return ac.length === bc.length && ac.every((c, i) => sameShape(c, aBy, bc[i], bBy));
}

/** Moves a subtree's positions by `by` characters and `lines` lines (columns stay: every moved block starts a line). */
function shift(root: Nodes, by: number, lines: number): void {
  if (by === 0 && lines === 0) return;
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const pos = n.position;
    if (pos) {
      if (pos.start.offset !== undefined) pos.start.offset += by;
      if (pos.end.offset !== undefined) pos.end.offset += by;
      pos.start.line += lines;
      pos.end.line += lines;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
}
