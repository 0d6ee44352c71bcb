import type { LegendSpec, Rgba } from './layer-types.ts';

/** The colour of the legend class a value falls in (classes are [from, to), the last is open). */
export function colorFor(legend: LegendSpec, value: number): Rgba {
  const match = legend.classes.find((c) => value >= c.from && (c.to === null || value < c.to));
  return (match ?? (value < legend.classes[0]!.from ? legend.classes[0]! : legend.classes.at(-1)!)).color;
}
