/** How saved copies are matched to the URLs a document cites: the same page whatever its scheme, `www.`, fragment or trailing slash. */

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
