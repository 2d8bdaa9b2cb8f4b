/** LaTeX field values → plain text: braces, escapes, accents, symbols, TeX quotes and dashes, and inline math. */
import { isLetter } from './text.js';

/** Accent commands → Unicode combining marks (composed with NFC). */
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
  d: '\u0323',
  b: '\u0331',
};

const SYMBOLS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  textendash: '–',
  textemdash: '—',
  dots: '…',
  ldots: '…',
  textquoteleft: '‘',
  textquoteright: '’',
  S: '§',
  textquotedblleft: '“',
  textquotedblright: '”',
  euro: '€',
  pounds: '£',
  copyright: '©',
  textregistered: '®',
  textdegree: '°',
  textmu: 'µ',
  textpm: '±',
  texttimes: '×',
  // Math: the symbols titles use ("$\alpha$-helix", "$2 \times 2$", "$\geq 5$").
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  times: '×',
  pm: '±',
  mp: '∓',
  cdot: '·',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  sim: '∼',
  infty: '∞',
  circ: '∘',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  ll: '≪',
  gg: '≫',
  sqrt: '√',
};

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  n: 'ⁿ',
  i: 'ⁱ',
  '∘': '°',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '−': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
};

/** Strips braces and the common LaTeX escapes, accents and formatting commands from a field value. */
export function cleanLatex(value: string): string {
  return latexToText(value).normalize('NFC').replace(/\s+/g, ' ').trim();
}

function latexToText(value: string): string {
  let out = '';
  const n = value.length;
  let i = 0;
  /** Offset of the `$` that closes the math being read, or -1 outside math. */
  let mathClose = -1;
  let mathDelimiter = 1;
  while (i < n) {
    const c = value[i];
    if (i === mathClose) {
      i += mathDelimiter;
      mathClose = -1;
      continue;
    }
    if (c === '$' && mathClose < 0) {
      // Inline ($…$) or display ($$…$$) math: its content is kept as text, without the dollars. A lone "$" is a dollar.
      mathDelimiter = value[i + 1] === '$' ? 2 : 1;
      const close = mathEnd(value, i + mathDelimiter, mathDelimiter);
      if (close < 0) {
        out += '$';
        i++;
      } else {
        mathClose = close;
        i += mathDelimiter;
      }
      continue;
    }
    if (mathClose >= 0 && (c === '^' || c === '_')) {
      // Superscripts and subscripts: "CO$_2$" is "CO₂", "$10^{6}$" is "10⁶"; what has no such character stays as text.
      const target = scriptTarget(value, i + 1, mathClose);
      out += scripted(latexToText(target.text), c === '^' ? SUPERSCRIPT : SUBSCRIPT);
      i = target.end;
      continue;
    }
    if (c === '{' || c === '}') {
      i++;
      continue;
    }
    if (c === '~') {
      out += ' ';
      i++;
      continue;
    }
    // TeX quotes: ``…'' and `…'.
    if ((c === '`' || c === "'") && value[i + 1] === c) {
      out += c === '`' ? '“' : '”';
      i += 2;
      continue;
    }
    if (c === '`' || c === "'") {
      out += c === '`' ? '‘' : '’';
      i++;
      continue;
    }
    if (c === '-' && value[i + 1] === '-') {
      if (value[i + 2] === '-') {
        out += '—';
        i += 3;
      } else {
        out += '–';
        i += 2;
      }
      continue;
    }
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    // A control sequence.
    const next = value[i + 1] ?? '';
    if (next === '') {
      i++;
      continue;
    }
    if (!isLetter(next)) {
      const mark = ACCENTS[next];
      if (mark) {
        const r = accentTarget(value, i + 2);
        // With nothing to accent ({\"}, \~{}), the character itself: an escaped quote, a tilde.
        out += r.base ? r.base + mark : next;
        i = r.end;
      } else if (next === '\\') {
        out += ' ';
        i += 2;
      } else {
        // \& \% \$ \# \_ \{ \} \  and friends: the character itself.
        out += next === ' ' ? ' ' : next;
        i += 2;
      }
      continue;
    }
    let j = i + 1;
    while (j < n && isLetter(value[j])) j++;
    const name = value.slice(i + 1, j);
    // Letter-named accents: \c{c}, \v s, \u{a}.
    if (ACCENTS[name] && (value[j] === '{' || value[j] === ' ')) {
      const r = accentTarget(value, j);
      if (r.base) {
        out += r.base + ACCENTS[name];
        i = r.end;
        continue;
      }
    }
    if (SYMBOLS[name] !== undefined) out += SYMBOLS[name];
    // Other commands (\emph, \textit, \url, \mathrm, unknown ones) vanish; their braced argument stays as text.
    i = j;
    // TeX swallows the space after a control word: "Stra\ss e" is "Straße". In math, spaces are the writer's layout
    // around an operator ("2 \times 2"), kept as written.
    if (value[i] === ' ' && mathClose < 0) i++;
  }
  return out;
}

/**
 * Offset of the delimiter that closes math opened before `from` (`\$` escapes skipped), or -1. A failed search
 * reaches the end of the value and leaves no `$` behind it, so it happens at most once per value: linear.
 */
function mathEnd(value: string, from: number, delimiter: number): number {
  for (let i = from; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === '$') return delimiter === 2 && value[i + 1] !== '$' ? -1 : i;
  }
  return -1;
}

/** The argument of `^` or `_`: a brace group, a control word (`\circ`) or one character, not past the math's end. */
function scriptTarget(value: string, start: number, limit: number): { text: string; end: number } {
  if (value[start] === '{') {
    let depth = 0;
    for (let p = start; p < limit; p++) {
      if (value[p] === '{') depth++;
      else if (value[p] === '}' && --depth === 0) return { text: value.slice(start + 1, p), end: p + 1 };
    }
    return { text: value.slice(start + 1, limit), end: limit };
  }
  if (value[start] === '\\') {
    let p = start + 1;
    while (p < limit && isLetter(value[p])) p++;
    return {
      text: value.slice(start, Math.max(p, Math.min(start + 2, limit))),
      end: Math.max(p, Math.min(start + 2, limit)),
    };
  }
  return { text: value.slice(start, Math.min(start + 1, limit)), end: Math.min(start + 1, limit) };
}

function scripted(text: string, table: Record<string, string>): string {
  const chars = [...text];
  return chars.length > 0 && chars.every((ch) => table[ch] !== undefined)
    ? chars.map((ch) => table[ch]).join('')
    : text;
}

/** The letter an accent applies to: `e`, `{e}`, ` e`, `{\i}`, `\i`. Returns '' as base if there is none. */
function accentTarget(value: string, start: number): { base: string; end: number } {
  let p = start;
  while (value[p] === ' ') p++;
  let braced = false;
  if (value[p] === '{') {
    braced = true;
    p++;
  }
  let base = '';
  if (value[p] === '\\' && (value[p + 1] === 'i' || value[p + 1] === 'j') && !isLetter(value[p + 2] ?? '')) {
    base = value[p + 1];
    p += 2;
    while (braced && value[p] === ' ') p++;
  } else if (value[p] !== undefined && isLetter(value[p])) {
    base = value[p];
    p++;
  }
  if (braced) {
    if (value[p] === '}') p++;
    else if (base) return { base: '', end: start }; // {ab}: not a simple accent target; leave to the caller
  }
  return { base, end: p };
}
