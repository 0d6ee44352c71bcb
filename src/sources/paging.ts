/**
 * Follows server-driven paging (OGC `links rel=next`, SensorThings `@iot.nextLink`, …) until the
 * server stops or a limit is reached. Guards against servers that return the same link forever.
 */
import type { Fetched } from './http/client.ts';

export interface PageCollector<P, T> {
  firstUrl: string;
  fetchPage: (url: string) => Promise<Fetched<P>>;
  items: (page: P) => readonly T[];
  next: (page: P) => string | undefined;
  /** Stop after this many items (the last page is cut). */
  maxItems: number;
  /** Hard stop on the number of requests, whatever the server says. */
  maxPages?: number;
}

export interface Collected<P, T> {
  items: T[];
  pages: Fetched<P>[];
  /** True when a limit stopped us while the server had more. */
  truncated: boolean;
}

export async function collectPages<P, T>(c: PageCollector<P, T>): Promise<Collected<P, T>> {
  const items: T[] = [];
  const pages: Fetched<P>[] = [];
  const seen = new Set<string>();
  const maxPages = c.maxPages ?? 100;
  let url: string | undefined = c.firstUrl;
  while (url !== undefined) {
    seen.add(url);
    const page = await c.fetchPage(url);
    pages.push(page);
    for (const item of c.items(page.data)) {
      if (items.length >= c.maxItems) break;
      items.push(item);
    }
    const nextUrl = c.next(page.data);
    const more = nextUrl !== undefined && !seen.has(nextUrl);
    if (!more) return { items, pages, truncated: false };
    if (items.length >= c.maxItems || pages.length >= maxPages) return { items, pages, truncated: true };
    url = nextUrl;
  }
  return { items, pages, truncated: false };
}
