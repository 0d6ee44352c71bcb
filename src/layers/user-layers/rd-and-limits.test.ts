/**
 * Added layers in RD New are converted and drawn where they belong; added layers past a limit are
 * refused with the limit named (issue 14). Responses are recorded PDOK trees converted to RD, in
 * the shapes GDAL/QGIS exports (GeoJSON 2008 `crs` member) and PDOK's OGC API (`crs=` answers).
 */
import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse, type FakeRoute } from '../../../tests/support/fake-fetch.ts';
import { fixtureJson } from '../../../tests/support/fixtures.ts';
import { INPUT_LIMITS } from '../../config/input-limits.ts';
import { lonLatToRd } from '../../geo/rd.ts';
import { createHttpClient } from '../../sources/http/client.ts';
import { SourceError } from '../../sources/http/errors.ts';
import { describeSourceError } from '../../sources/messages.ts';
import { checkUrl, isTileTemplate, safeDecode } from './detect.ts';
import { readGeoJsonFile } from './file.ts';
import { loadUserLayer, UnknownCrsError } from './load.ts';

interface Fc {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: Record<string, unknown>;
    geometry: { type: 'Point'; coordinates: number[] };
  }[];
  crs?: unknown;
}

const wgs84 = fixtureJson('pdok-bgt/vegetatieobject_punt.json') as Fc;
const points = wgs84.features.map((f) => f.geometry.coordinates as [number, number]);
const inRd = (crs?: unknown): Fc => ({
  type: 'FeatureCollection',
  ...(crs ? { crs } : {}),
  features: wgs84.features.map((f) => ({
    ...f,
    geometry: {
      type: 'Point',
      coordinates: lonLatToRd(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!),
    },
  })),
});
const CRS_28992 = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } };

function load(url: string, kind: Parameters<typeof loadUserLayer>[1], routes: FakeRoute[]) {
  const fake = createFakeFetch(routes);
  const http = createHttpClient({ fetch: fake.fetch, clock: createTestClock(), random: () => 0.5 });
  return loadUserLayer(new URL(url), kind, new AbortController().signal, http);
}

function expectAtRecordedPlaces(features: { geometry: { type: string; coordinates: unknown } }[]) {
  expect(features).toHaveLength(points.length);
  features.forEach((f, i) => {
    const [lon, lat] = f.geometry.coordinates as number[];
    expect(lon).toBeCloseTo(points[i]![0], 6);
    expect(lat).toBeCloseTo(points[i]![1], 6);
  });
}

describe('RD New wherever a user adds data', () => {
  it('GeoJSON by URL with a crs member naming EPSG:28992 is converted to WGS84', async () => {
    const r = await load('https://x.test/bomen-rd.geojson', 'geojson', [
      { match: () => true, replies: [jsonResponse(inRd(CRS_28992))] },
    ]);
    expectAtRecordedPlaces(r.data);
    expect(r.convertedFrom).toBe('rd');
  });

  it('GeoJSON by URL without any crs member, RD by its numbers, is converted too', async () => {
    const r = await load('https://x.test/bomen.geojson', 'geojson', [
      { match: () => true, replies: [jsonResponse(inRd())] },
    ]);
    expectAtRecordedPlaces(r.data);
  });

  it('OGC API Features asked for crs=…28992 is converted', async () => {
    const r = await load(
      'https://api.pdok.nl/lv/bgt/ogc/v1/collections/vegetatieobject_punt/items?crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F28992',
      'ogc-features',
      [{ match: () => true, replies: [jsonResponse(inRd())] }],
    );
    expectAtRecordedPlaces(r.data);
    expect(r.convertedFrom).toBe('rd');
  });

  it('WGS84 GeoJSON is left as it is', async () => {
    const r = await load('https://x.test/bomen.geojson', 'geojson', [
      { match: () => true, replies: [jsonResponse(wgs84)] },
    ]);
    expectAtRecordedPlaces(r.data);
    expect(r.convertedFrom).toBeUndefined();
  });

  it('coordinates that are neither degrees nor RD are refused, not drawn nowhere', async () => {
    const mercator: Fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [570_000, 6_810_000] } },
      ],
    };
    await expect(
      load('https://x.test/m.geojson', 'geojson', [{ match: () => true, replies: [jsonResponse(mercator)] }]),
    ).rejects.toBeInstanceOf(UnknownCrsError);
  });

  it('an RD GeoJSON file is converted', async () => {
    const r = await readGeoJsonFile(new Blob([JSON.stringify(inRd(CRS_28992))]));
    if (!r.ok) throw new Error(r.problem);
    expectAtRecordedPlaces(r.features);
    expect(r.convertedFrom).toBe('rd');
  });
});

/** One MultiPoint of n positions (compact: 12 bytes a point). */
function manyPoints(n: number): string {
  const coordinates = `${'[5.12,52.09],'.repeat(n - 1)}[5.12,52.09]`;
  return `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"MultiPoint","coordinates":[${coordinates}]}}]}`;
}

describe('limits on added layers', () => {
  it('a 1-million-point GeoJSON by URL is refused by its position count, in plain words', async () => {
    const body = manyPoints(1_000_000);
    expect(body.length).toBeLessThan(INPUT_LIMITS.userGeoJsonBytes);
    const started = performance.now();
    const e = await load('https://x.test/huge.geojson', 'geojson', [
      { match: () => true, replies: [jsonResponse(body)] },
    ]).catch((err: unknown) => err);
    console.info(
      `[input-limits] 1M-point GeoJSON (${body.length} bytes) refused in ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(e).toBeInstanceOf(SourceError);
    expect((e as SourceError).limit).toBe('userGeoJsonPositions');
    expect(describeSourceError(e as SourceError, 'nl')).toContain('meer dan 250.000 punten');
    expect(describeSourceError(e as SourceError, 'en')).toContain('more than 250,000 points');
  });

  it('a 1-million-point GeoJSON file is refused with its limit', async () => {
    const r = await readGeoJsonFile(new Blob([manyPoints(1_000_000)]));
    expect(r).toEqual({ ok: false, problem: 'addLayer.file.tooManyPositions', values: { count: 250_000 } });
  });

  it('a file over the size limit is refused before it is read', async () => {
    const big = new Blob([new Uint8Array(INPUT_LIMITS.userGeoJsonBytes + 1)]);
    let read = false;
    const spy = Object.assign(big, {
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    });
    expect(await readGeoJsonFile(spy)).toEqual({
      ok: false,
      problem: 'addLayer.file.tooLarge',
      values: { mb: 30 },
    });
    expect(read).toBe(false);
  });

  it('a deeply nested file is refused with the depth limit', async () => {
    const d = 100_000;
    const r = await readGeoJsonFile(
      new Blob([`{"type":"FeatureCollection","features":${'['.repeat(d)}${']'.repeat(d)}}`]),
    );
    expect(r).toEqual({
      ok: false,
      problem: 'addLayer.file.tooDeep',
      values: { depth: INPUT_LIMITS.jsonDepth },
    });
  });

  it('capabilities over their limit are refused before parsing', async () => {
    const huge = '<WMS_Capabilities>' + ' '.repeat(INPUT_LIMITS.capabilitiesBytes);
    const e = await load('https://x.test/wms', 'wms', [
      { match: () => true, replies: [new Response(huge, { headers: { 'content-type': 'text/xml' } })] },
    ]).catch((err: unknown) => err);
    expect((e as SourceError).kind).toBe('too-large');
    expect(describeSourceError(e as SourceError, 'nl')).toContain('groter dan 5 MB');
  });

  it('an XSS payload in capabilities stays a plain string (React shows it as text)', async () => {
    const xml =
      '<WMS_Capabilities><Capability><Layer><Name>&lt;img src=x onerror=alert(1)&gt;</Name></Layer></Capability></WMS_Capabilities>';
    const r = await load('https://x.test/wms', 'wms', [
      { match: () => true, replies: [new Response(xml, { headers: { 'content-type': 'text/xml' } })] },
    ]);
    expect(r.wmsLayer).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('malformed percent-encoding', () => {
  it('an address with %zz is refused with a plain problem, never a URIError', () => {
    expect(checkUrl('/a%zz.geojson', 'http://app.test/')).toEqual({ ok: false, problem: 'encoding' });
    expect(checkUrl('https://x.test/b%2.geojson')).toEqual({ ok: false, problem: 'encoding' });
    expect(checkUrl('https://x.test/a%20b.geojson').ok).toBe(true);
    expect(() => isTileTemplate('https://x.test/%zz/{z}/{x}/{y}.png')).not.toThrow();
    expect(safeDecode('%zz')).toBe('%zz');
  });
});
