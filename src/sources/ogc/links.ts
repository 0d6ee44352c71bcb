/** OGC API `links` arrays, shared by the 3DBAG API and the OGC API Features client. */
import { z } from 'zod';

export const linkSchema = z.looseObject({
  href: z.string(),
  rel: z.string().optional(),
  type: z.string().optional(),
  title: z.string().optional(),
});

export type Link = z.infer<typeof linkSchema>;

/** The `rel=next` href, preferring a JSON-ish type when a server lists several formats. */
export function nextLink(links: readonly Link[] | undefined): string | undefined {
  const next = (links ?? []).filter((l) => l.rel === 'next');
  const json = next.find((l) => !l.type || /json/i.test(l.type));
  return (json ?? next[0])?.href;
}
