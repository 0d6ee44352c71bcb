/**
 * Drawing layers from a user-given URL (src/ui/bindings/add-user-layer.ts adds and loads them). Drawable kinds become one deck.gl
 * GeoJsonLayer in the overlay frame; the others are checked (reachable, right shape) and listed.
 */
import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import type { Translate } from '../../i18n/translate.ts';
import { toOverlayPosition } from '../../overlay/frame.ts';
import type { FeatureInfo, OverlayLayerGroup } from '../../overlay/overlay-types.ts';
import { mapGeometry } from '../../sources/ogc-features/client.ts';
import type { UserLayer } from './user-layer.ts';
import type { UserFeature } from './load.ts';

const prepared = new WeakMap<UserFeature[], FeatureCollection>();

/** Features converted once to the overlay's local frame (deck.gl draws them in CARTESIAN metres). */
function inOverlayFrame(features: UserFeature[]): FeatureCollection {
  let collection = prepared.get(features);
  if (!collection) {
    collection = {
      type: 'FeatureCollection',
      features: features.map((f): Feature => ({
        type: 'Feature',
        properties: f.properties,
        geometry: mapGeometry(f.geometry, (p) =>
          toOverlayPosition(p[0] ?? NaN, p[1] ?? NaN, 0),
        ) as Feature['geometry'],
      })),
    };
    prepared.set(features, collection);
  }
  return collection;
}

function describeFeature(object: unknown, layer: UserLayer, t: Translate): FeatureInfo | null {
  const properties = (object as Partial<Feature> | null)?.properties;
  if (!properties) return null;
  const entries = Object.entries(properties).filter(([, v]) => v !== null && typeof v !== 'object');
  const name = entries.find(([k]) => /^(name|naam|title|titel)$/i.test(k))?.[1];
  return {
    title: name === undefined ? layer.title : String(name),
    rows: [
      ...entries.slice(0, 8).map(([label, value]) => ({ label, value: String(value) })),
      { label: t('addLayer.from'), value: layer.origin === 'file' ? layer.url : new URL(layer.url).host },
    ],
  };
}

export function userLayerGroups(layers: readonly UserLayer[], t: Translate): OverlayLayerGroup[] {
  return layers.flatMap((layer): OverlayLayerGroup[] => {
    if (!layer.visible || !layer.features?.length) return [];
    return [
      {
        ownerId: layer.id,
        // A user's data is what they came to see: always visible, also behind buildings.
        occlusion: 'none',
        layers: [
          new GeoJsonLayer({
            id: `${layer.id}-features`,
            data: inOverlayFrame(layer.features),
            coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
            pointType: 'circle',
            getPointRadius: 10,
            pointRadiusMinPixels: 5,
            getFillColor: [255, 120, 0, 160],
            getLineColor: [120, 50, 0, 255],
            getLineWidth: 3,
            lineWidthMinPixels: 2,
            stroked: true,
            pickable: true,
          }),
        ],
        describe: (object) => describeFeature(object, layer, t),
      },
    ];
  });
}
