/**
 * Saved source copies for tests, built from plain-text files (a form feed starts a new page, as pdftotext writes them):
 * each file answers to its name without extension (a citation key or footnote label), and `urls` maps URLs to names.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SourceCopies, SourceText } from 'sourcelint/engine/evidence/copies.js';

export function copiesFromFolder(dir: string, urls: Record<string, string> = {}): SourceCopies {
  const byKey = new Map<string, SourceText>();
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    byKey.set(name.replace(/\.[^.]+$/, ''), { file, pages: fs.readFileSync(file, 'utf8').split('\f') });
  }
  return { byKey: (key) => byKey.get(key), byUrl: (url) => (urls[url] ? byKey.get(urls[url]) : undefined) };
}

/** The evidence fixtures: test/fixtures/evidence/sources. */
export const fixtureSources = (): string => path.resolve(import.meta.dirname, '../../fixtures/evidence/sources');
