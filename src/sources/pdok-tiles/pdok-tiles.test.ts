import { describe, expect, it } from 'vitest';
import { pdokTileLayers, tileForLonLat, tileUrl } from './index.ts';

describe('pdok-tiles', () => {
  it('offers WebMercator templates with attribution', () => {
    const brt = pdokTileLayers.find((l) => l.id === 'pdok-brt');
    expect(brt?.urlTemplate).toBe(
      'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
    );
    expect(pdokTileLayers.find((l) => l.id === 'pdok-brt-grijs')?.urlTemplate).toContain('/grijs/EPSG:3857/');
    for (const l of pdokTileLayers) {
      expect(l.tilingScheme).toBe('WebMercator');
      expect(l.attribution.length).toBeGreaterThan(0);
      expect(l.urlTemplate).not.toContain('28992');
    }
  });

  it('fills templates and finds the tile of the Dom', () => {
    const t = tileForLonLat(5.1214, 52.0907, 16);
    expect(t).toEqual({ x: 33700, y: 21620, z: 16 });
    expect(tileUrl('https://x/{z}/{x}/{y}.png', t.z, t.x, t.y)).toBe('https://x/16/33700/21620.png');
  });
});
