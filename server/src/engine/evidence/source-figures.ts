/**
 * The figures of a saved copy, read once per copy (see `quantities.ts`) and kept on the copy's object: on a keystroke
 * the rule only looks values up, by binary search in the figures of the same unit.
 */
import type { SourceText } from './copies.js';
import { acceptedRange, readQuantities, type Quantity } from './quantities.js';

export interface SourceFigure {
  value: number;
  /** The figure as the source writes it, whitespace collapsed. */
  text: string;
  /** 1-based. */
  page: number;
  copy: SourceText;
}

type FigureIndex = ReadonlyMap<string, readonly SourceFigure[]>;

const indexes = new WeakMap<SourceText, FigureIndex>();

/** The copy's figures by unit, each list sorted by value. */
export function figureIndex(copy: SourceText): FigureIndex {
  let index = indexes.get(copy);
  if (index) return index;
  const byUnit = new Map<string, SourceFigure[]>();
  copy.pages.forEach((page, p) => {
    for (const q of readQuantities(page)) {
      // A bare year ("in 2025") is a date, not a figure to compare with.
      if (q.unit === '' && q.precision === 1 && /^(1[89]|20)\d\d$/.test(page.slice(q.span.start, q.span.end))) continue;
      let list = byUnit.get(q.unit);
      if (!list) byUnit.set(q.unit, (list = []));
      list.push({ value: q.value, text: page.slice(q.span.start, q.span.end).replace(/\s+/g, ' '), page: p + 1, copy });
    }
  });
  for (const list of byUnit.values()) list.sort((a, b) => a.value - b.value);
  index = byUnit;
  indexes.set(copy, index);
  return index;
}

/** Index of the first figure whose value is at least `value`. */
function firstAtLeast(list: readonly SourceFigure[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].value < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface FigureCheck {
  /** A figure of the sources that the draft's figure states (within its rounding or hedge). */
  found?: SourceFigure;
  /** Otherwise the source figure of the same unit closest to it, if any. */
  nearest?: SourceFigure;
}

/** Looks `q` up in the copies: a value its rounding or hedge accepts, else the nearest value in the same unit. */
export function checkFigure(q: Quantity, copies: readonly SourceText[]): FigureCheck {
  const [lo, hi] = acceptedRange(q);
  const within = (list: readonly SourceFigure[] | undefined): SourceFigure | undefined => {
    const at = list ? firstAtLeast(list, lo) : -1;
    return list && at < list.length && list[at].value <= hi ? list[at] : undefined;
  };
  let nearest: SourceFigure | undefined;
  let distance = Infinity;
  for (const copy of copies) {
    const index = figureIndex(copy);
    // A table states its unit once, in a header ("Share of households (%)"): a percentage with decimals may stand
    // there as a bare number. Whole numbers are not taken this way: a bare 12 is too often something else.
    const found = within(index.get(q.unit)) ?? (q.unit === '%' && q.precision < 1 ? within(index.get('')) : undefined);
    if (found) return { found };
    const list = index.get(q.unit);
    if (!list) continue;
    // The closest values lie on either side of the draft's value; compare them as ratios (9.7 is near 10, 1e6 near
    // 1.1e6).
    const around = firstAtLeast(list, q.value);
    for (const f of [list[around - 1], list[around]]) {
      if (!f) continue;
      const d = Math.abs(Math.log((Math.abs(f.value) + 1e-9) / (Math.abs(q.value) + 1e-9)));
      if (d < distance) {
        distance = d;
        nearest = f;
      }
    }
  }
  return { nearest };
}
