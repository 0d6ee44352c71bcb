import { describe, expect, it } from 'vitest';
import { lonLatToRd, rdToLonLat, looksLikeRd } from './rd.ts';
import { EnuFrame, geodeticToEcef } from './enu.ts';

describe('RD New conversion', () => {
  it('puts the Locatieserver sample address (Bolognalaan 101) where PDOK says', () => {
    // PDOK Locatieserver returns both centroids for this address (see shared data-source notes).
    const [lon, lat] = rdToLonLat(140547.812, 454887.397);
    expect(lon).toBeCloseTo(5.17636456, 5);
    expect(lat).toBeCloseTo(52.08206803, 5);
  });

  it('round-trips RD coordinates to well under a millimetre', () => {
    const [lon, lat] = rdToLonLat(136776, 455879);
    const [x, y] = lonLatToRd(lon, lat);
    expect(x).toBeCloseTo(136776, 3);
    expect(y).toBeCloseTo(455879, 3);
  });

  it('tells RD metres from degrees', () => {
    expect(looksLikeRd(136776, 455879)).toBe(true);
    expect(looksLikeRd(5.12, 52.09)).toBe(false);
  });
});

describe('ENU frame', () => {
  const frame = new EnuFrame(5.1214, 52.0907, 0);

  it('puts its own origin at zero', () => {
    const [e, n, u] = frame.fromGeodetic(5.1214, 52.0907, 0);
    expect(Math.hypot(e, n, u)).toBeLessThan(1e-6);
  });

  it('points east, north and up', () => {
    const [e1] = frame.fromGeodetic(5.1224, 52.0907, 0);
    const [, n1] = frame.fromGeodetic(5.1214, 52.0917, 0);
    const [, , u1] = frame.fromGeodetic(5.1214, 52.0907, 100);
    // 0.001° of longitude at 52.09° N is about 68.6 m; 0.001° of latitude about 111.3 m.
    expect(e1).toBeCloseTo(68.6, 0);
    expect(n1).toBeCloseTo(111.3, 0);
    expect(u1).toBeCloseTo(100, 6);
  });

  it('round-trips through ECEF', () => {
    const ecef = geodeticToEcef(5.13, 52.1, 30);
    const back = frame.toEcef(frame.fromEcef(ecef));
    back.forEach((v, i) => expect(v).toBeCloseTo(ecef[i]!, 6));
  });
});
