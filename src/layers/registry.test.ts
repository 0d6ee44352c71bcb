import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { nl } from '../i18n/nl.ts';
import { translator } from '../i18n/translate.ts';
import { decodeView, encodeView, DEFAULT_VIEW } from '../state/url-codec.ts';
import { crowdRadius, CROWD_LEGEND } from './crowd-sample/definition.ts';
import { LAYER_IDS } from './layer-ids.ts';
import { colorFor } from './legend.ts';
import { LAYER_REGISTRY, registeredLayers } from './registry.ts';

describe('layer registry', () => {
  it('has one definition per id, with matching ids, in panel order', () => {
    expect(registeredLayers().map((l) => l.definition.id)).toEqual([...LAYER_IDS]);
    for (const id of LAYER_IDS) expect(LAYER_REGISTRY[id].definition.id).toBe(id);
  });

  it('gives every layer texts in both languages, a licence, a date and a legend with a unit', () => {
    for (const { definition } of registeredLayers()) {
      for (const key of [definition.titleKey, definition.descriptionKey, definition.source.nameKey]) {
        expect(nl[key]).toBeTruthy();
        expect(en[key]).toBeTruthy();
      }
      expect(definition.source.licence).not.toBe('');
      expect(Number.isNaN(Date.parse(definition.source.dataDate))).toBe(false);
      expect(nl[definition.legend.unitKey]).toBeTruthy();
      const classes = definition.legend.classes;
      for (let i = 1; i < classes.length; i++) expect(classes[i]!.from).toBe(classes[i - 1]!.to);
    }
  });

  it('round-trips every layer with opacity through the link', () => {
    for (const id of LAYER_IDS) {
      const query = encodeView({ ...DEFAULT_VIEW, layers: [{ id, opacity: 35 }] });
      expect(query).toContain(`layers=${id}:35`);
      expect(decodeView(query).view.layers).toEqual([{ id, opacity: 35 }]);
    }
  });

  it('renders the crowd layer on the ground and its labels on the cheap path', () => {
    const file = {
      meta: {
        sample: true,
        unit: 'x',
        licence: 'CC0-1.0',
        created: '2026-01-01',
        annualGrowth: 0,
        baseYear: 2026,
      },
      profiles: { p: { weekday: Array.from({ length: 24 }, () => 1), weekend: 1 } },
      points: [{ id: 'a', name: 'A', lon: 5.12, lat: 52.09, peak: 1000, profile: 'p' }],
    };
    const layers = LAYER_REGISTRY['crowd-sample'].render(
      { file, positions: new Map([['a', [0, 0, 0]]]) },
      { time: Date.UTC(2026, 5, 1, 12), mode: 'history', opacity: 0.5, t: translator('nl') },
    );
    expect(layers.ground?.map((l) => l.id)).toEqual(['crowd-sample-circles']);
    expect(layers.none?.map((l) => l.id)).toEqual(['crowd-sample-labels']);
    expect(layers.ground?.[0]?.props.opacity).toBe(0.5);
  });

  it('colours by legend class and sizes by count', () => {
    expect(colorFor(CROWD_LEGEND, 100)).toEqual(CROWD_LEGEND.classes[0]!.color);
    expect(colorFor(CROWD_LEGEND, 250)).toEqual(CROWD_LEGEND.classes[1]!.color);
    expect(colorFor(CROWD_LEGEND, 99_999)).toEqual(CROWD_LEGEND.classes[4]!.color);
    expect(crowdRadius(2500)).toBeGreaterThan(crowdRadius(100));
  });
});
