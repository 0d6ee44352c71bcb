import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import type { Message, MessageParam } from '../../i18n/message.ts';
import { nl, type MessageKey } from '../../i18n/nl.ts';
import { translator } from '../../i18n/translate.ts';
import type { CrowdScenario } from '../crowd/definition.ts';
import { networkFileSchema } from '../crowd/network-file.ts';
import { buildLoadingInput, runCrowdScenario } from '../crowd/run.ts';
import type { CyclingChange, CyclingRun, CyclingScenario } from '../cycling/definition.ts';
import { bikeNetworkFileSchema, type BikeNetworkFile } from '../cycling/network-file.ts';
import { runCyclingScenario } from '../cycling/run.ts';
import type { HeatChange, HeatRun } from '../heat/changes.ts';
import { HeatCache, runHeatScenario } from '../heat/run-heat.ts';
import { syntheticBaseline, syntheticLonLat, type SyntheticCity } from '../heat/synthetic-city.ts';
import type { ModelNote } from './types.ts';
import { smallNetwork, type SmallNetworkSpec } from '../../../tests/support/small-bike-network.ts';

/**
 * Model notes are message keys with values (src/i18n, `scenario.note.*`). Runs that reach every
 * branch of the three kinds' notes show that each note exists in Dutch and English, that every
 * placeholder gets a value in both, and that no note text is left without a model that says it.
 */
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

async function crowdNotes(): Promise<ModelNote[]> {
  const file = networkFileSchema.parse(read('../../../public/data/crowd/pedestrian-network.json'));
  const stage = read('../../../scenarios/vredenburg-stage.json') as CrowdScenario;
  // Starting at 14:00 leaves the arrivals from 13:00 out; closing every street at the Domplein
  // leaves its visitors without a route.
  const late = { ...stage, run: { ...stage.run, from: '14:00', until: '14:30' } };
  const closed = file.links
    .filter((l) => l.from === 'domplein' || l.to === 'domplein')
    .map((l) => ({ type: 'close-link' as const, link: l.id }));
  const cutOff = { ...late, changes: [...late.changes, ...closed] };
  return [...buildLoadingInput(late, file).notes, ...(await runCrowdScenario(cutOff, file)).notes];
}

async function heatNotes(): Promise<ModelNote[]> {
  const city: SyntheticCity = { size: 60, buildings: [{ x0: 20, y0: 20, x1: 60, y1: 40, height: 12 }] };
  const file = syntheticBaseline(city);
  file.meta = { ...file.meta, sample: true };
  const cache = new HeatCache();
  const run = (changes: HeatChange[], options: HeatRun) =>
    runHeatScenario(
      { version: 1, kind: 'heat-greening', name: 'notes', baseline: file.meta.id, changes, run: options },
      file,
      {},
      cache,
    );
  const onRoof: HeatChange = { type: 'trees', points: [syntheticLonLat(city, 40, 30)] };
  const weather = { airTemperature: 30, relativeHumidity: 40, windSpeed: 2 };
  const outputs = await Promise.all([
    run([onRoof], { hour: 15 }), // the reference day; a tree on a roof
    run([], { date: '2026-12-21' }), // the afternoon mean, the reference weather moved; sunset before 18:00
    run([], { hour: 15, weather }), // weather given in the scenario
  ]);
  return outputs.flatMap((o) => o.notes);
}

const cyclingScenario = (
  file: BikeNetworkFile,
  changes: CyclingChange[] = [],
  run: CyclingRun = {},
): CyclingScenario => ({
  version: 1,
  kind: 'cycling-route',
  name: 'notes',
  baseline: file.meta.id,
  changes,
  run,
});

/** Five spokes a–e around a hub h: closing a spoke cuts its zone off from all the others. */
const star = (zones: string[], extra: Partial<SmallNetworkSpec> = {}): BikeNetworkFile =>
  smallNetwork({
    nodes: { h: [0, 0], a: [300, 0], b: [0, 300], c: [-300, 0], d: [0, -300], e: [200, 200] },
    links: ['a', 'b', 'c', 'd', 'e'].map((n) => ({ id: `${n}h`, from: n, to: 'h' })),
    zones: zones.map((n) => ({ id: `z${n}`, node: n })),
    ...extra,
  });

async function cyclingNotes(): Promise<ModelNote[]> {
  const sample = bikeNetworkFileSchema.parse(
    read('../../../public/data/cycling/utrecht-centre-bike-network.json'),
  );
  const five = star(['a', 'b', 'c', 'd', 'e']);
  const three = star(['a', 'b', 'e'], { counts: [{ link: 'ah', weekday: 500 }] });
  // A direct link counted far below the given trips that use it: slowing it to walking pace moves
  // them to the detour, and the additive pivot takes more off the count than there is.
  const pivot = smallNetwork({
    nodes: { a: [0, 0], b: [400, 0], c: [200, 150] },
    links: [
      { id: 'ab', from: 'a', to: 'b' },
      { id: 'ac', from: 'a', to: 'c' },
      { id: 'cb', from: 'c', to: 'b' },
    ],
    zones: [
      { id: 'za', node: 'a' },
      { id: 'zb', node: 'b' },
    ],
    trips: { 'za>zb': 2000 },
    counts: [{ link: 'ab', weekday: 100 }],
    model: { pivotRule: 'additive' },
  });
  // The stored trips of a file whose matching ran out of rounds before it fitted the counts.
  const unconverged = structuredClone(sample);
  const weekday = unconverged.demand!.weekday!;
  weekday.fit = { ...weekday.fit!, stop: 'limit', rounds: 300 };
  const close = (link: string): CyclingChange[] => [{ type: 'close-link', link }];
  const outputs = await Promise.all([
    runCyclingScenario(cyclingScenario(sample), sample), // sample network and counts, stored trips
    runCyclingScenario(cyclingScenario(unconverged), unconverged),
    runCyclingScenario(cyclingScenario(five, close('eh'), { hour: 8 }), five), // no counts; 8 pairs cut off
    runCyclingScenario(cyclingScenario(three, close('eh')), three), // 4 pairs cut off; trips estimated from the count
    runCyclingScenario(cyclingScenario(pivot, [{ type: 'set-speed', link: 'ab', speed: 1 }]), pivot),
  ]);
  return outputs.flatMap((o) => o.notes);
}

/** A note and the messages inside its values (parts of sentences, list items). */
function messagesIn(note: Message): Message[] {
  const inner = (value: MessageParam): Message[] =>
    Array.isArray(value)
      ? value.flatMap(messagesIn)
      : typeof value === 'object' && 'key' in value
        ? messagesIn(value)
        : [];
  return [note, ...Object.values(note.params ?? {}).flatMap(inner)];
}

describe('model notes', () => {
  it('exist in Dutch and English, fill every placeholder, and cover every note text', async () => {
    const notes = [...(await crowdNotes()), ...(await heatNotes()), ...(await cyclingNotes())];
    // Plain data: they cross from the worker with postMessage (structured clone) unchanged.
    expect(structuredClone(notes)).toEqual(notes);
    const keys = new Set(notes.flatMap(messagesIn).map((m) => m.key));
    for (const key of keys) {
      expect(nl[key], key).toBeDefined();
      expect(en[key], key).toBeDefined();
    }
    for (const language of ['nl', 'en'] as const) {
      const t = translator(language);
      for (const note of notes) expect(t(note.key, note.params), note.key).not.toMatch(/\{\w+\}/);
    }
    const texts = (Object.keys(nl) as MessageKey[]).filter((k) => k.startsWith('scenario.note.'));
    expect(texts.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('write values for the language: numbers, dates and nested parts', () => {
    const note: ModelNote = {
      key: 'scenario.note.heat.when',
      params: {
        date: { date: '2026-08-03' },
        when: { key: 'scenario.note.heat.meanOfHours', params: { hours: '12:00, 13:00' } },
        weather: { key: 'scenario.note.heat.weatherMoved', params: { date: { date: '2026-08-03' } } },
      },
    };
    expect(translator('nl')(note.key, note.params)).toBe(
      'Gevoelstemperatuur (PET) op 1,2 m hoogte op 3 augustus 2026, het gemiddelde van de uren 12:00, 13:00 (Nederlandse tijd), met het weer van die hete dag (1 juli 2015), verplaatst naar 3 augustus 2026; de zonnestraling is aangepast aan hoe hoog de zon dan staat.',
    );
    const pairs: ModelNote = {
      key: 'scenario.note.cycling.unservableMore',
      params: {
        trips: 1250,
        pairs: [
          { key: 'scenario.note.cycling.pair', params: { origin: 'A', destination: 'B', trips: 1000.5 } },
        ],
        more: 3,
      },
    };
    expect(translator('nl')(pairs.key, pairs.params)).toBe(
      '1.250 ritten hebben geen route meer en tellen niet mee in de stromen: A → B (1.000,5) en nog 3 andere verbindingen tussen zones.',
    );
    expect(translator('en')(pairs.key, pairs.params)).toBe(
      '1,250 trips have no route any more and are left out of the flows: A → B (1,000.5) and 3 more pairs.',
    );
  });
});
