import { describe, expect, it } from 'vitest';
import { rdPointToWgs84 } from './rd-new.js';

describe('rdPointToWgs84', () => {
  it('puts the RD origin (Amersfoort, OLV-toren) on its WGS84 position within 0.5 m', () => {
    // RDNAPTRANS™ gives 52.15517440 N, 5.38720621 E; the 7-parameter shift is good to ~1 m.
    const [lon, lat] = rdPointToWgs84(155_000, 463_000);
    expect(Math.abs(lon - 5.38720621)).toBeLessThan(7e-6);
    expect(Math.abs(lat - 52.1551744)).toBeLessThan(4.5e-6);
  });

  it('rounds to 7 decimals (a point in Amsterdam)', () => {
    const point = rdPointToWgs84(121_000, 487_000);
    expect(point.map((v) => Math.round(v * 1e7) / 1e7)).toEqual(point);
    expect(point[0]).toBeCloseTo(4.8879708, 6);
    expect(point[1]).toBeCloseTo(52.3698262, 6);
  });
});
