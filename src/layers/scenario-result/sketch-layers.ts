import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import { toOverlayPosition } from '../../overlay/frame.ts';
import type { OverlayLayerGroup } from '../../overlay/overlay-types.ts';

/** The shape being drawn: its points and the line through them (closed for a polygon), on top. */
export function sketchGroups(points: readonly [number, number][], closed: boolean): OverlayLayerGroup[] {
  if (points.length === 0) return [];
  const positions = points.map(([lon, lat]) => toOverlayPosition(lon, lat, 0));
  const path = closed && positions.length > 2 ? [...positions, positions[0]!] : positions;
  return [
    {
      ownerId: 'sketch',
      occlusion: 'none',
      layers: [
        new PathLayer<{ path: [number, number, number][] }>({
          id: 'sketch-line',
          data: [{ path }],
          coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
          getPath: (d) => d.path,
          getColor: [20, 20, 20, 230],
          getWidth: 2,
          widthUnits: 'pixels',
        }),
        new ScatterplotLayer<[number, number, number]>({
          id: 'sketch-points',
          data: positions,
          coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
          getPosition: (p) => p,
          getRadius: 5,
          radiusUnits: 'pixels',
          getFillColor: [255, 255, 255, 255],
          getLineColor: [20, 20, 20, 255],
          lineWidthMinPixels: 2,
          stroked: true,
        }),
      ],
    },
  ];
}
