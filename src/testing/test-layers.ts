import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { toOverlayPosition } from '../overlay/frame.ts';
import type { OcclusionMode, OverlayLayerGroup } from '../overlay/overlay-types.ts';

/** A marker a test or benchmark puts on the map: where, how big (px), which colour, which path. */
export interface TestMarker {
  lon: number;
  lat: number;
  height: number;
  radiusPixels: number;
  color: [number, number, number];
  occlusion: OcclusionMode;
  label?: string;
}

/** Layers placed by tests and benchmarks through `window.tweelingOverlay`, never by the app itself. */
export function testMarkerGroups(markers: TestMarker[]): OverlayLayerGroup[] {
  const modes: OcclusionMode[] = ['ground', 'none'];
  return modes.flatMap((occlusion): OverlayLayerGroup[] => {
    const data = markers
      .filter((m) => m.occlusion === occlusion)
      .map((m) => ({ ...m, position: toOverlayPosition(m.lon, m.lat, m.height) }));
    if (data.length === 0) return [];
    return [
      {
        ownerId: 'test-markers',
        occlusion,
        layers: [
          new ScatterplotLayer<(typeof data)[number]>({
            id: `test-markers-${occlusion}`,
            data,
            coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
            getPosition: (m) => m.position,
            getRadius: (m) => m.radiusPixels,
            radiusUnits: 'pixels',
            // Facing the camera, so a marker is a disc of the same size from any angle.
            billboard: true,
            getFillColor: (m) => [...m.color, 255],
            pickable: true,
          }),
        ],
        describe: (object) => {
          const marker = object as TestMarker;
          return { title: marker.label ?? 'marker', rows: [] };
        },
      },
    ];
  });
}
