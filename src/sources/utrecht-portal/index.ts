/**
 * open.utrecht.nl DCAT catalogue (JSON:API wrapper with DCAT-namespaced attributes).
 * UNCERTAIN SHAPE: reconstructed from a single public dump (MED). Every field except the dataset
 * `id` is optional and all objects pass unknown keys through (`looseObject`), so a changed or
 * richer response still loads; titles fall back to the id. The API has no documented search
 * parameter, so `search` filters the listing client-side.
 */
import { z } from 'zod';
import { endpoints } from '../../config/endpoints.ts';
import { getDefaultHttpClient, type HttpClient } from '../http/client.ts';
import { buildUrl } from '../http/url.ts';
import { collectPages } from '../paging.ts';
import { toResult, type SourceResult } from '../provenance.ts';
import { loadSpec, type LoadOptions } from '../types.ts';

export const SOURCE_ID = 'utrecht-portal';

const text = z.union([z.string(), z.array(z.string()), z.record(z.string(), z.string())]).optional();

const datasetSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform((v) => String(v)),
  type: z.string().optional(),
  attributes: z.looseObject({ 'dct:title': text, 'dct:description': text, 'dcat:keyword': text }).optional(),
  links: z.looseObject({ self: z.string().optional() }).optional(),
});

const listSchema = z.looseObject({
  meta: z
    .looseObject({ start: z.number().optional(), rows: z.number().optional(), total: z.number().optional() })
    .optional(),
  data: z.array(datasetSchema),
});

export interface DatasetSummary {
  id: string;
  title: string;
  description?: string;
  keywords: string[];
  url?: string;
}

/** DCAT text may be a string, a list, or a language map ({nl: …}); prefer Dutch. */
function firstText(v: z.infer<typeof text>): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v[0];
  return v.nl ?? v['@value'] ?? Object.values(v)[0];
}

function keywords(v: z.infer<typeof text>): string[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v;
  return Object.values(v);
}

export function createUtrechtPortal(options: { baseUrl?: string; http?: HttpClient } = {}) {
  const baseUrl = options.baseUrl ?? endpoints.utrechtPortal;
  const http = options.http ?? getDefaultHttpClient();

  async function datasets(
    opts: LoadOptions & { maxDatasets?: number } = {},
  ): Promise<SourceResult<DatasetSummary[]>> {
    const collected = await collectPages({
      firstUrl: buildUrl(baseUrl, 'datasets', { start: 0 }),
      maxItems: opts.maxDatasets ?? 2_000,
      maxPages: 50,
      fetchPage: (url) =>
        http.request({
          sourceId: SOURCE_ID,
          url,
          schema: listSchema,
          policy: { ttlMs: 24 * 3_600_000 },
          ...loadSpec(opts),
        }),
      items: (page) =>
        page.data.map((d): DatasetSummary => {
          const a = d.attributes ?? {};
          const summary: DatasetSummary = {
            id: d.id,
            title: firstText(a['dct:title']) ?? d.id,
            keywords: keywords(a['dcat:keyword']),
          };
          const description = firstText(a['dct:description']);
          if (description) summary.description = description;
          if (d.links?.self) summary.url = d.links.self;
          return summary;
        }),
      next: (page) => {
        // Paging by `start`; stop when the meta block is missing or everything has been seen.
        const m = page.meta;
        if (!m || m.total === undefined || page.data.length === 0) return undefined;
        const nextStart = (m.start ?? 0) + page.data.length;
        return nextStart < m.total ? buildUrl(baseUrl, 'datasets', { start: nextStart }) : undefined;
      },
    });
    return toResult(SOURCE_ID, collected.pages, collected.items);
  }

  return {
    datasets,
    /** Datasets whose id, title, description or keywords contain every word of `q` (case-insensitive). */
    async search(q: string, opts: LoadOptions = {}): Promise<SourceResult<DatasetSummary[]>> {
      const all = await datasets(opts);
      const words = q.toLowerCase().split(/\s+/).filter(Boolean);
      const hit = (d: DatasetSummary) => {
        const hay = [d.id, d.title, d.description ?? '', ...d.keywords].join(' ').toLowerCase();
        return words.every((w) => hay.includes(w));
      };
      return { ...all, data: all.data.filter(hit) };
    },
  };
}
