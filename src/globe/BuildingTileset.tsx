import { Cartesian3, Cesium3DTileStyle, Matrix4, type Cesium3DTileset as CesiumTileset } from 'cesium';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Cesium3DTileset, useCesium } from 'resium';
import { BUILDING_SOURCES } from '../config/buildings.ts';
import { useAppStore, type TilesetStatus } from '../state/app-store.ts';
import { classifyLoadError } from './load-problem.ts';

/** Colour of the selected building (Utrecht red is taken by the UI; a warm yellow reads on grey). */
export const SELECTION_COLOUR = '#f2b705';

export function BuildingTileset() {
  const { scene } = useCesium();
  const dataSource = useAppStore((s) => s.dataSource);
  const setTilesetStatus = useAppStore((s) => s.setTilesetStatus);
  const selectedId = useAppStore((s) => s.selection?.properties['identificatie']);
  const [tileset, setTileset] = useState<CesiumTileset | null>(null);
  const config = BUILDING_SOURCES[dataSource];

  const modelMatrix = useMemo(() => {
    if (config.heightOffsetMetres === 0) return Matrix4.IDENTITY;
    // Shift along the local vertical at the centre of Utrecht; the area is small enough for one up vector.
    const up = Cartesian3.normalize(Cartesian3.fromDegrees(5.1213, 52.0908), new Cartesian3());
    return Matrix4.fromTranslation(
      Cartesian3.multiplyByScalar(up, config.heightOffsetMetres, new Cartesian3()),
    );
  }, [config.heightOffsetMetres]);

  // A failure stays on screen until the user picks another source; later progress must not hide it.
  const failed = useRef(false);
  const report = (status: TilesetStatus) => {
    if (failed.current && status.state !== 'error') return;
    failed.current = status.state === 'error';
    setTilesetStatus(status);
  };

  useEffect(() => {
    failed.current = false;
    setTilesetStatus({ state: 'loading', pendingRequests: 0, processing: 0 });
  }, [dataSource, setTilesetStatus]);

  // The highlight is a style keyed on the id, so it survives tiles being unloaded and reloaded.
  useEffect(() => {
    if (!tileset || tileset.isDestroyed()) return;
    tileset.style =
      typeof selectedId === 'string'
        ? new Cesium3DTileStyle({
            color: {
              conditions: [
                [`\${identificatie} === ${JSON.stringify(selectedId)}`, `color('${SELECTION_COLOUR}')`],
                ['true', "color('white')"],
              ],
            },
          })
        : new Cesium3DTileStyle({ color: "color('white')" });
    scene?.requestRender();
  }, [tileset, selectedId, scene]);

  return (
    <Cesium3DTileset
      key={dataSource}
      url={config.tilesetUrl}
      modelMatrix={modelMatrix}
      maximumScreenSpaceError={16}
      onReady={(ready) => {
        setTileset(ready);
        // Nothing may be in view, so no load event may ever come: the tileset itself is ready now,
        // and load progress takes over as soon as tiles are requested.
        report({ state: 'ready' });
        scene?.requestRender();
      }}
      onLoadProgress={(pendingRequests, processing) => {
        report(
          pendingRequests + processing > 0
            ? { state: 'loading', pendingRequests, processing }
            : { state: 'ready' },
        );
      }}
      onAllTilesLoad={() => report({ state: 'ready' })}
      onError={(error) => report({ state: 'error', problem: classifyLoadError(error) })}
      onTileFailed={(error) => report({ state: 'error', problem: classifyLoadError(error) })}
    />
  );
}
