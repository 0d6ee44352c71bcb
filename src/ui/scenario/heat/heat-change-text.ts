import { lonLatToRd } from '../../../geo/rd.ts';
import { signedRingArea } from '../../../geo/polygon.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { TREE_DEFAULTS, type HeatChange, type LonLat } from '../../../scenarios/heat/changes.ts';

/** Ground area (m²) of a WGS84 outline, measured in RD New metres. */
export function outlineArea(polygon: readonly LonLat[]): number {
  return Math.abs(signedRingArea(polygon.map(([lon, lat]) => lonLatToRd(lon, lat))));
}

/** Length (m) of a WGS84 line, measured in RD New metres. */
export function lineLength(line: readonly LonLat[]): number {
  const rd = line.map(([lon, lat]) => lonLatToRd(lon, lat));
  let length = 0;
  for (let i = 1; i < rd.length; i++)
    length += Math.hypot(rd[i]![0] - rd[i - 1]![0], rd[i]![1] - rd[i - 1]![1]);
  return length;
}

/** One plain sentence per greening change, with its size. */
export function describeHeatChange(change: HeatChange, t: Translate): string {
  switch (change.type) {
    case 'trees':
      return t('scenario.heat.change.trees', {
        n: change.points.length,
        crown: change.crownDiameter ?? TREE_DEFAULTS.crownDiameter,
        height: change.height ?? TREE_DEFAULTS.height,
      });
    case 'tree-row':
      return t('scenario.heat.change.tree-row', { length: Math.round(lineLength(change.line)) });
    case 'depave':
    case 'water':
      return t(`scenario.heat.change.${change.type}`, { area: Math.round(outlineArea(change.polygon)) });
    case 'green-roof':
      return t('scenario.heat.change.green-roof');
    case 'building':
      return t('scenario.heat.change.building', {
        area: Math.round(outlineArea(change.polygon)),
        height: change.height,
      });
  }
}
