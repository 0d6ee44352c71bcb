import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/runner.ts';
import { SCENARIO_KINDS } from '../engine/engine-kinds.ts';

/** The example scenarios in scenarios/heat-*.json, run on the embedded sample baseline. */
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const baseline: unknown = JSON.parse(read('../../../public/data/heat/utrecht-centre-heat.json'));

describe('heat example scenarios', () => {
  it('trees near the Dom cool the drawn street by several degrees at 15:00', async () => {
    const r = await runScenario(
      { scenario: read('../../../scenarios/heat-dom-trees.json'), baseline, compare: true },
      SCENARIO_KINDS,
    );
    expect(r.output.kind).toBe('heat-greening');
    expect(r.output.startsAt).toBe('15:00');
    expect(r.output.indicators['drawn.meanPetChange']!.value!).toBeLessThan(-3);
    // Extreme heat stress gives way to less: the top class shrinks, the area in total stays.
    const d = r.difference!.indicators;
    expect(d['area.class5']!.change!).toBeLessThan(0);
    const total = [0, 1, 2, 3, 4, 5].reduce((s, k) => s + d[`area.class${k}`]!.change!, 0);
    expect(total).toBe(0);
    expect(r.output.fields['pet']!.grid!.columns).toBe(1080);
  });

  it('a park on Mariaplaats lowers the afternoon mean there and adds cool places', async () => {
    const r = await runScenario(
      { scenario: read('../../../scenarios/heat-mariaplaats-park.json'), baseline, compare: true },
      SCENARIO_KINDS,
    );
    expect(r.output.indicators['drawn.meanPetChange']!.value!).toBeLessThan(-2);
    // The park adds 1,056 m² of cool place under the four Klimaateffectatlas rules (1,300 m² when
    // only area and PET counted and the sun stood at each hour's end). Pinned loosely: a park of
    // this size must add several hundred m² whatever the details.
    expect(r.difference!.indicators['coolPlace.area']!.change!).toBeGreaterThan(600);
    expect(r.output.notes[0]!.key).toBe('scenario.note.sampleCity');
  });
});
