import { describe, expect, it } from 'vitest';
import { checkUrl, detectKind } from './detect.ts';

const kind = (url: string) => detectKind(new URL(url));

describe('user layer URLs', () => {
  it('accepts http(s) and site paths, and says what is wrong otherwise', () => {
    expect(checkUrl('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkUrl('data.example.org/x.geojson')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkUrl('ftp://example.org/x.geojson')).toEqual({ ok: false, problem: 'protocol' });
    expect(checkUrl('javascript:alert(1)')).toEqual({ ok: false, problem: 'protocol' });
    const site = checkUrl('/data/x.geojson', 'http://127.0.0.1:4173/?v=1');
    expect(site.ok && site.url.href).toBe('http://127.0.0.1:4173/data/x.geojson');
  });

  it('detects the kind from the address', () => {
    expect(kind('https://example.org/parken.geojson')).toBe('geojson');
    expect(kind('https://api.pdok.nl/lv/bgt/ogc/v1/collections/wegdeel/items?bbox=1,2,3,4')).toBe(
      'ogc-features',
    );
    expect(kind('https://api-samenmeten.rivm.nl/v1.0/Things')).toBe('sensorthings');
    expect(kind('https://api-samenmeten.rivm.nl/v1.0')).toBe('sensorthings');
    expect(kind('https://data.3dbag.nl/v20250903/cesium3dtiles/lod22/tileset.json')).toBe('3dtiles');
    expect(kind('https://service.pdok.nl/x/wms/v1_0?service=WMS&request=GetCapabilities')).toBe('wms');
    expect(kind('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0')).toBe('wmts');
    expect(kind('https://example.org/something')).toBeUndefined();
  });
});
