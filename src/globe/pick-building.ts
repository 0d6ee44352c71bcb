import { Cartesian2, Cesium3DTileFeature, type Scene } from 'cesium';

export type BuildingProperties = Record<string, string | number | null>;

/** The building under a window position (CSS pixels from the canvas's top-left), or null. */
export function pickBuildingAt(scene: Scene, x: number, y: number): BuildingProperties | null {
  const picked: unknown = scene.pick(new Cartesian2(x, y));
  if (!(picked instanceof Cesium3DTileFeature)) return null;
  const properties: BuildingProperties = {};
  for (const id of picked.getPropertyIds()) {
    const value: unknown = picked.getProperty(id);
    properties[id] =
      typeof value === 'number' || typeof value === 'string' ? value : value == null ? null : String(value);
  }
  return properties;
}
