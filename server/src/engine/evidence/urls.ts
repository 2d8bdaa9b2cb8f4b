/**
 * The URLs a document cites, and how saved copies are matched to them: the same page whatever its scheme, `www.`,
 * fragment or trailing slash.
 */
import type { LintResult } from '../linter.js';

/** The lookup key of a URL, or undefined when it is not an http(s) URL. */
export function urlKey(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const host = u.hostname.replace(/^www\./, '');
  const pathname = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : '';
  return `${host}${u.port ? ':' + u.port : ''}${pathname}${u.search}`;
}

/**
 * Every absolute URL a document cites, in order, once: links and bare URLs in its prose and footnotes, and the `url`
 * (else the DOI) of each bibliography entry it cites. Not only http(s): `sources fetch` says why it skips the others.
 */
export function citedUrls(result: LintResult): string[] {
  const urls = new Set<string>();
  for (const pb of result.document.prose) {
    for (const link of pb.block.links) if (/^[a-z][a-z0-9+.-]*:\/\//i.test(link.url)) urls.add(link.url);
    for (const m of pb.markers) {
      for (const k of m.keys ?? []) {
        const entry = result.bibliography?.entries.get(k.key);
        const url = entry && (entry.url ?? (entry.doi ? `https://doi.org/${entry.doi}` : undefined));
        if (url) urls.add(url);
      }
    }
  }
  return [...urls];
}
