import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../i18n/translate.ts';
import { isSourceError } from '../../sources/http/errors.ts';
import { describeSourceError } from '../../sources/messages.ts';
import { fixtureText } from '../../../tests/support/fixtures.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useLayersStore } from '../../state/layers-store.ts';
import { ensureLoaded, layerData, retryLoad } from './layer-data.ts';
import type { LayerId } from '../../layers/layer-ids.ts';
import { LAYER_REGISTRY } from '../../layers/registry.ts';

/**
 * Source-backed layers end to end in Node: snapshots served from public/, live requests answered
 * with the recorded fixtures or failed on purpose. No network: `fetch` is replaced.
 */
const PUBLIC = path.resolve(import.meta.dirname, '../../../public');

const LIVE_FIXTURES: [RegExp, (url: URL) => string][] = [
  [/\/Things/, (u) => `samen-meten/things-344-page${u.searchParams.get('$skip') === '2' ? 2 : 1}.json`],
  [
    /\/Datastreams\((\d+)\)\/Observations/,
    (u) => `samen-meten/observations-${/\((\d+)\)/.exec(u.pathname)![1]}-latest.json`,
  ],
  [/vegetatieobject_punt/, () => 'pdok-bgt/vegetatieobject_punt.json'],
  [/buurten/, () => 'cbs-wijkenbuurten/buurten-gm0344.json'],
];

let apiDown = false;

function fakeFetch(input: RequestInfo | URL): Promise<Response> {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (href.startsWith('/data/snapshots/')) {
    return Promise.resolve(new Response(readFileSync(path.join(PUBLIC, href), 'utf8')));
  }
  if (apiDown) return Promise.reject(new TypeError('Failed to fetch'));
  if (href === '/data/telraam/export.json')
    return Promise.resolve(new Response(fixtureText('telraam/export.json')));
  const url = new URL(href);
  const match = LIVE_FIXTURES.find(([re]) => re.test(url.pathname));
  if (!match) return Promise.resolve(Response.json({ value: [] }));
  return Promise.resolve(new Response(fixtureText(match[1](url))));
}

async function settled(id: LayerId) {
  await vi.waitFor(() => expect(useLayersStore.getState().status[id].state).not.toBe('loading'), {
    timeout: 5000,
  });
  // The snapshot fallback runs after the error is first reported.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return useLayersStore.getState().status[id];
}

beforeEach(() => {
  apiDown = false;
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('source-backed layers', () => {
  const ids: LayerId[] = ['air-quality', 'bgt-trees', 'cbs-buurten', 'telraam-bikes'];
  const context = {
    time: Date.UTC(2026, 7, 20, 10),
    mode: 'now' as const,
    opacity: 0.8,
    t: translator('nl'),
  };

  it.each(ids)('%s renders its snapshot with provenance marked as a recorded sample', async (id) => {
    const layer = LAYER_REGISTRY[id];
    const data = await layer.load(new AbortController().signal, () => undefined, {
      live: false,
      reload: false,
    });
    const provenance = layer.provenanceOf(data);
    expect(provenance?.recordedAt).toMatch(/^2026-08-20/);
    expect(provenance?.provenance.notes).toMatch(/^Recorded sample/);
    const rendered = layer.render(data, context);
    const deckLayers = rendered[layer.definition.occlusion] ?? [];
    expect(deckLayers).toHaveLength(1);
    expect(deckLayers[0]!.id.startsWith(id)).toBe(true);
    expect((deckLayers[0]!.props.data as unknown[]).length).toBeGreaterThan(0);
    const first = (deckLayers[0]!.props.data as unknown[])[0];
    expect(layer.describe(first, context)?.rows.length).toBeGreaterThan(0);
  });

  it('loads live data through the real loaders, and keeps it (marked stale) when a refresh fails', async () => {
    useAppStore.setState({ live: true });
    ensureLoaded('cbs-buurten');
    const ok = await settled('cbs-buurten');
    expect(ok.state).toBe('ready');
    expect(ok.state === 'ready' && ok.shown?.live).toBe(true);
    expect(ok.state === 'ready' && ok.shown?.source?.provenance.url).toMatch(
      /^https:\/\/api\.pdok\.nl\/cbs\//,
    );

    apiDown = true;
    retryLoad('cbs-buurten');
    const stale = await settled('cbs-buurten');
    expect(stale.state).toBe('ready');
    const source = stale.state === 'ready' ? stale.shown?.source : undefined;
    expect(source?.provenance.stale?.reason).toBe('cors-or-network');
    expect(source?.warning && describeSourceError(source.warning, 'nl')).toMatch(/niet bereikbaar/);
    useAppStore.setState({ live: false });
  });

  it('says why a live load failed and falls back to the snapshot when it had nothing yet', async () => {
    apiDown = true;
    ensureLoaded('air-quality', { live: true });
    const failed = await settled('air-quality');
    expect(failed.state).toBe('error');
    if (failed.state !== 'error') return;
    expect(isSourceError(failed.error)).toBe(true);
    expect(describeSourceError(failed.error!, 'en')).toMatch(/RIVM Samen Meten.*cannot be reached/);
    expect(failed.shown?.live).toBe(false);
    expect(failed.shown?.source?.recordedAt).toMatch(/^2026-08-20/);
    expect(layerData('air-quality')).toBeDefined();
    expect(console.warn).toHaveBeenCalled();

    // Switching live off again: the snapshot on the map is what was asked for, so no error remains.
    ensureLoaded('air-quality', { live: false });
    expect(useLayersStore.getState().status['air-quality'].state).toBe('ready');
  });
});
