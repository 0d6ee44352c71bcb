import { describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/translate.ts';
import type { CyclingChange } from '../../../scenarios/cycling/definition.ts';
import { cyclingNetwork, snapToJunction } from '../../../layers/scenario-result/cycling/cycling-network.ts';
import {
  linkActionsFor,
  MAX_SPEED,
  type LinkAction,
} from '../../../layers/scenario-result/cycling/link-actions.ts';
import { layoutText } from '../../../layers/scenario-result/cycling/link-text.ts';
import {
  bikeNetwork,
  bridgeExample,
  roadworksExample,
} from '../../../../tests/support/cycling-in-process.ts';

const t = translator('nl');
/** The button texts of street actions, as the popup and the street editor show them. */
const labels = (actions: LinkAction[]) => actions.map((a) => t(a.labelKey, a.labelValues));

describe('the scenario network for the map and the editor', () => {
  it('applies the changes and remembers what each link was before them', () => {
    const data = bikeNetwork();
    const changes = bridgeExample.changes as CyclingChange[];
    const net = cyclingNetwork(data, changes)!;
    expect(cyclingNetwork(data, changes)).toBe(net);
    const bridge = net.linkById.get('fietsbrug-mariaplaats')!;
    expect(bridge).toMatchObject({ added: true, closed: false, direction: 'both', toId: 'mariaplaats' });
    const zadelstraat = net.linkById.get('zadelstraat')!;
    expect(zadelstraat).toMatchObject({
      direction: 'forward',
      baseDirection: 'both',
      toName: 'Gaardbrug (Oudegracht)',
    });
    // Same-named links are told apart by their ends in lists.
    expect(net.linkById.get('croeselaan-1')!.label).toBe(
      'Croeselaan (Croeselaan / Jaarbeursplein – Croeselaan / Moreelsebrug)',
    );
    expect(net.linkById.get('vredenburg')!.label).toBe('Vredenburg');
    expect(cyclingNetwork({ not: 'a network' }, [])).toBeNull();
  });

  it('snaps a click to the nearest junction within reach', () => {
    const net = cyclingNetwork(bikeNetwork(), [])!;
    expect(snapToJunction(net, [5.11965, 52.09352], 75)?.junction.id).toBe('neude');
    expect(snapToJunction(net, [5.1, 52.1], 75)).toBeNull();
  });

  it('offers close, one-way and speed edits for an open street, reopen for a closed one', () => {
    const net = cyclingNetwork(bikeNetwork(), roadworksExample.changes as CyclingChange[])!;
    const vredenburg = net.linkById.get('vredenburg')!;
    expect(labels(linkActionsFor(vredenburg))).toEqual(['Weer openstellen voor fietsers']);
    expect(layoutText(vredenburg, t)).toBe('afgesloten voor fietsers');
    const potterstraat = net.linkById.get('potterstraat')!;
    expect(labels(linkActionsFor(potterstraat))).toEqual([
      'Afsluiten voor fietsers',
      'Eenrichting naar Neude',
      'Eenrichting naar Viebrug (Oudegracht)',
      'Langzamer: 9 km/u',
      'Sneller: 19 km/u',
    ]);
    expect(layoutText(potterstraat, t)).toBe('open, twee richtingen, 14 km/u, 6 m breed');
  });

  it('offers two-way again for a one-way street, removal for a new link, and no speed beyond the range', () => {
    const net = cyclingNetwork(bikeNetwork(), [
      ...(bridgeExample.changes as CyclingChange[]),
      { type: 'set-speed', link: 'lijnmarkt', speed: MAX_SPEED },
    ])!;
    const zadelstraat = linkActionsFor(net.linkById.get('zadelstraat')!);
    expect(zadelstraat.map((a) => a.id)).toEqual([
      'close',
      'one-way-backward',
      'two-way',
      'slower',
      'faster',
    ]);
    expect(labels(linkActionsFor(net.linkById.get('fietsbrug-mariaplaats')!))[0]).toBe(
      'Nieuwe verbinding weghalen',
    );
    expect(linkActionsFor(net.linkById.get('lijnmarkt')!).map((a) => a.id)).not.toContain('faster');
  });
});
