/**
 * Position encodings (LSP 3.17 `general.positionEncodings`). The engine and TextDocument count UTF-16 code units;
 * clients such as Helix and Emacs eglot prefer to count UTF-8 bytes or code points. We agree on the client's first
 * offer we support and translate at the edge: `character` is converted within its line, both ways, so no handler
 * ever sees a position in the client's units.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export type PositionEncoding = 'utf-8' | 'utf-16' | 'utf-32';
const SUPPORTED: readonly string[] = ['utf-8', 'utf-16', 'utf-32'];

/** The client's most preferred encoding that we support; UTF-16 when it offers none (the protocol's default). */
export function negotiateEncoding(offered: readonly string[] | undefined): PositionEncoding {
  return (offered?.find((e) => SUPPORTED.includes(e)) as PositionEncoding | undefined) ?? 'utf-16';
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const pairAt = (text: string, i: number): boolean => isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1));

/** Units of the UTF-16 code unit at `i`: a surrogate pair counts in full on its high half, nothing on its low half. */
function unitsAt(text: string, i: number, encoding: PositionEncoding): number {
  if (i > 0 && pairAt(text, i - 1)) return 0;
  if (encoding === 'utf-32') return 1;
  const c = text.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  return pairAt(text, i) ? 4 : 3;
}

/** UTF-16 offsets of a line's start and of its end before the line break. */
function lineBounds(doc: TextDocument, line: number): { start: number; end: number } {
  const range = doc.getLineRange(line);
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

/** The UTF-16 offset of a position given in `encoding` units; past the line's end means its end. */
export function offsetIn(doc: TextDocument, position: Position, encoding: PositionEncoding): number {
  if (encoding === 'utf-16' || position.line >= doc.lineCount || position.line < 0) return doc.offsetAt(position);
  const { start, end } = lineBounds(doc, position.line);
  const text = doc.getText();
  let units = 0;
  let i = start;
  while (i < end) {
    const width = unitsAt(text, i, encoding);
    // A character that does not fit (a position inside a multi-byte character) rounds down to its start.
    if (units + width > position.character) break;
    units += width;
    i += pairAt(text, i) ? 2 : 1;
  }
  return i;
}

/** The position of a UTF-16 offset, with `character` in `encoding` units. */
export function positionIn(doc: TextDocument, offset: number, encoding: PositionEncoding): Position {
  const position = doc.positionAt(offset);
  if (encoding === 'utf-16') return position;
  const text = doc.getText();
  const start = offset - position.character;
  let units = 0;
  for (let i = start; i < start + position.character; i++) units += unitsAt(text, i, encoding);
  return { line: position.line, character: units };
}

/**
 * The document as the client sees it: positions in the agreed encoding, offsets in UTF-16 (what the engine uses).
 * Handlers take the lint result's TextDocument; giving them this one makes every position they read or write right.
 */
export function inEncoding(doc: TextDocument, encoding: PositionEncoding): TextDocument {
  if (encoding === 'utf-16') return doc;
  const toRange = (range: Range) => ({
    start: doc.positionAt(offsetIn(doc, range.start, encoding)),
    end: doc.positionAt(offsetIn(doc, range.end, encoding)),
  });
  return {
    get uri() {
      return doc.uri;
    },
    get languageId() {
      return doc.languageId;
    },
    get version() {
      return doc.version;
    },
    get lineCount() {
      return doc.lineCount;
    },
    getText: (range?: Range) => doc.getText(range && toRange(range)),
    positionAt: (offset: number) => positionIn(doc, offset, encoding),
    offsetAt: (position: Position) => offsetIn(doc, position, encoding),
    getLineRange: (line: number) => {
      const range = doc.getLineRange(line);
      return {
        start: positionIn(doc, doc.offsetAt(range.start), encoding),
        end: positionIn(doc, doc.offsetAt(range.end), encoding),
      };
    },
    getEOLCharacters: (line: number) => doc.getEOLCharacters(line),
  };
}

/**
 * Applies a client's content changes, whose ranges are in `encoding` units, one after the other (each range refers to
 * the text the previous change left).
 */
export function applyChanges(
  doc: TextDocument,
  changes: readonly TextDocumentContentChangeEvent[],
  version: number,
  encoding: () => PositionEncoding,
): TextDocument {
  const enc = encoding();
  if (enc === 'utf-16') return TextDocument.update(doc, [...changes], version);
  for (const change of changes) {
    if (!('range' in change)) {
      doc = TextDocument.update(doc, [change], version);
      continue;
    }
    const start = offsetIn(doc, change.range.start, enc);
    const end = offsetIn(doc, change.range.end, enc);
    doc = TextDocument.update(
      doc,
      [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: change.text }],
      version,
    );
  }
  return doc;
}
