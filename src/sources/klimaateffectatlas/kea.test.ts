import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/client.ts';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, htmlResponse } from '../../../tests/support/fake-fetch.ts';
import { fixtureText } from '../../../tests/support/fixtures.ts';
import { capabilitiesUrl, createKlimaatEffectAtlas, getMapUrl, parseCapabilitiesLayers } from './index.ts';

const BASE = 'https://cas.cloud.sogelink.com/public/data/org/gws/YWFMLMWERURF/kea_public/wms';

describe('klimaateffectatlas WMS', () => {
  it('builds GetCapabilities and GetMap URLs (lat/lon axis swap for EPSG:4326 in 1.3.0)', () => {
    const cap = new URL(capabilitiesUrl(BASE));
    expect(cap.searchParams.get('request')).toBe('GetCapabilities');
    const map = new URL(
      getMapUrl(
        {
          layers: 'gevoelstemperatuur_2022',
          bbox: [5.0, 52.0, 5.2, 52.2],
          width: 256,
          height: 256,
          crs: 'EPSG:4326',
        },
        BASE,
      ),
    );
    expect(map.searchParams.get('bbox')).toBe('52,5,52.2,5.2');
    expect(map.searchParams.get('layers')).toBe('gevoelstemperatuur_2022');
    expect(map.searchParams.get('transparent')).toBe('true');
    const merc = new URL(getMapUrl({ layers: ['a', 'b'], bbox: [1, 2, 3, 4], width: 1, height: 1 }, BASE));
    expect(merc.searchParams.get('bbox')).toBe('1,2,3,4');
    expect(merc.searchParams.get('crs')).toBe('EPSG:3857');
    expect(merc.searchParams.get('layers')).toBe('a,b');
  });

  it('parses named layers (not styles, not the unnamed root) with decoded titles', () => {
    expect(parseCapabilitiesLayers(fixtureText('klimaateffectatlas/wms-capabilities.xml'))).toEqual([
      { name: 'gevoelstemperatuur_2022', title: 'Gevoelstemperatuur op een hete dag (PET) & 2022' },
      { name: 'hitteeiland', title: 'Stedelijk hitte-eiland effect' },
      { name: 'RMK_BKB_AHN4', title: 'Boomkroonbedekking' },
    ]);
  });

  it('loads layers through the wrapper and rejects an HTML page as not capabilities', async () => {
    const fake = createFakeFetch([
      { match: (u) => u.searchParams.get('x') === 'html', replies: [htmlResponse(200)] },
      { match: () => true, replies: [new Response(fixtureText('klimaateffectatlas/wms-capabilities.xml'))] },
    ]);
    const http = createHttpClient({ fetch: fake.fetch, clock: createTestClock() });
    const r = await createKlimaatEffectAtlas({ baseUrl: BASE, http }).layers();
    expect(r.data.map((l) => l.name)).toContain('gevoelstemperatuur_2022');
    await expect(
      createKlimaatEffectAtlas({ baseUrl: `${BASE}?x=html`, http }).layers(),
    ).rejects.toMatchObject({
      kind: 'invalid-shape',
    });
  });
});

describe('capabilities built to be slow to parse (issue 14)', () => {
  // 800 KB each; the old scanner was quadratic on these (13 s for 400 KB of unclosed tags).
  const size = 800_000;
  const hostile: Record<string, string> = {
    'tags never closed': '<WMS_Capabilities>' + '<Layer '.repeat(size / 7),
    'names never closed': '<WMS_Capabilities>' + '<Layer><Name>x'.repeat(size / 14),
    'CDATA never closed':
      '<WMS_Capabilities><Layer><Name>' + '<![CDATA['.repeat(size / 9) + '</Name></Layer>',
  };
  for (const [name, xml] of Object.entries(hostile)) {
    it(`${name}: read in linear time, no layer invented`, () => {
      const started = performance.now();
      const layers = parseCapabilitiesLayers(xml);
      const ms = performance.now() - started;
      console.info(`[input-limits] capabilities, ${name}, ${xml.length} chars: ${ms.toFixed(0)} ms`);
      expect(ms).toBeLessThan(2_000);
      expect(layers.every((l) => l.name.length < 5000)).toBe(true);
    });
  }

  it('still reads names and CDATA titles of an honest document', () => {
    const xml =
      '<WMS_Capabilities><Capability><Layer><Title>Root</Title><Layer queryable="1"><Name>hitte</Name>' +
      '<Title><![CDATA[Hitte & stress]]></Title></Layer></Layer></Capability></WMS_Capabilities>';
    expect(parseCapabilitiesLayers(xml)).toEqual([{ name: 'hitte', title: 'Hitte & stress' }]);
  });
});
