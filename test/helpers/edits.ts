/** Random edits for the tests of the editor's incremental work, where every result must equal a fresh one. */
import fs from 'node:fs';
import path from 'node:path';
import type { Random } from './random.js';

const samples = path.resolve(import.meta.dirname, '../../../samples');

/** The sample drafts, the documents the random edits are made to. */
export const drafts: readonly string[] = fs
  .readdirSync(samples)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));

/** Markdown that changes what surrounds it: fences, comments, lists, quotations, definitions, setext and table rows. */
export const INSERTS = [
  'x',
  '\n',
  '\n\n',
  '[^1]',
  '[^new]: note\n',
  '- ',
  '> ',
  '# ',
  '```\n',
  '---\n',
  // TOML front matter's fence (Hugo), at the start of a document or anywhere else.
  '+++\n',
  '|a|b|\n|-|-|\n',
  '<!--',
  '-->',
  '<!-- c -->',
  '[a][b]',
  // References to definitions elsewhere in another case and spacing (labels match as micromark normalises them).
  '[B]',
  '[^NEW]',
  '[ b\n]',
  '\n[b]: http://x\n',
  '*',
  '"',
  '“',
  '1. ',
  '    ',
  '===\n',
  '<div>\n',
  '\n    code',
  '  - nested',
  '\n\n  [^1]: indented\n',
  '`',
];

/** `text` with a random insert from INSERTS, or up to 20 characters deleted, at a random place. */
export function randomEdit(text: string, rng: Random): string {
  const at = Math.floor(rng() * (text.length + 1));
  return rng() < 0.6
    ? text.slice(0, at) + INSERTS[Math.floor(rng() * INSERTS.length)] + text.slice(at)
    : text.slice(0, at) + text.slice(at + Math.floor(rng() * 20));
}
