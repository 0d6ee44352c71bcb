// @vitest-environment jsdom
/**
 * The add-layer panel with hostile input: a malformed %-escape gets a plain message (it threw an
 * uncaught URIError before), payloads in names and properties are shown as text, and a file past
 * a limit is refused with the limit while the layers already there stay (issue 14).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lonLatToRd } from '../geo/rd.ts';
import { userLayerGroups } from '../layers/user-layers/user-layers.ts';
import { translator } from '../i18n/translate.ts';
import { useAppStore } from '../state/app-store.ts';
import { useOverlayStore } from '../overlay/overlay-store.ts';
import { useUserLayersStore } from '../state/user-layers-store.ts';
import { provenanceFor } from '../sources/provenance.ts';
import { AddLayer } from './AddLayer.tsx';
import { FeaturePopup } from './FeaturePopup.tsx';

const XSS = '<img src=x onerror="globalThis.__pwned=1">';

beforeEach(() => {
  useAppStore.setState({ language: 'nl' });
  useUserLayersStore.setState({ layers: [] });
});
afterEach(() => {
  cleanup();
  useOverlayStore.getState().setClicked(null);
});

function chooseFile(content: BlobPart, name: string) {
  const input = document.getElementById('add-layer-file') as HTMLInputElement;
  const file = new File([content], name, { type: 'application/geo+json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('adding a layer with bad input', () => {
  it('an address with %zz gets a plain message and adds nothing', () => {
    render(<AddLayer />);
    fireEvent.change(screen.getByLabelText('Adres (URL) van de gegevens'), {
      target: { value: 'https://data.example.org/a%zz.geojson' },
    });
    fireEvent.submit(screen.getByTestId('add-layer-form'));
    expect(screen.getByRole('alert').textContent).toContain('fout bij een %-teken');
    expect(useUserLayersStore.getState().layers).toHaveLength(0);
  });

  it('names, addresses and feature properties with an <img onerror> payload show as text', () => {
    const layer = {
      id: 'user-x',
      url: `https://x.test/${encodeURIComponent(XSS)}.geojson`,
      kind: 'geojson' as const,
      title: XSS,
      visible: true,
      features: [
        {
          properties: { naam: XSS, [XSS]: 'waarde' },
          geometry: { type: 'Point' as const, coordinates: [5.12, 52.09] },
        },
      ],
      status: { state: 'error' as const, message: XSS },
    };
    useUserLayersStore.setState({ layers: [layer] });
    render(<AddLayer />);
    const group = userLayerGroups([layer], translator('nl'))[0]!;
    const info = group.describe!({ properties: layer.features[0]!.properties });
    useOverlayStore.getState().setClicked({ info: info!, x: 10, y: 10 });
    render(<FeaturePopup />);
    expect(document.querySelector('img')).toBeNull();
    expect(document.body.textContent).toContain(XSS);
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('an RD GeoJSON file is converted and drawn; the panel says so', async () => {
    const [x, y] = lonLatToRd(5.12139, 52.09056);
    const fc = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: [
        {
          type: 'Feature',
          properties: { naam: 'Domtoren' },
          geometry: { type: 'Point', coordinates: [x, y] },
        },
      ],
    };
    render(<AddLayer />);
    chooseFile(JSON.stringify(fc), 'dom-rd.geojson');
    await waitFor(() => expect(useUserLayersStore.getState().layers).toHaveLength(1));
    const [lon, lat] = useUserLayersStore.getState().layers[0]!.features![0]!.geometry
      .coordinates as number[];
    expect(lon).toBeCloseTo(5.12139, 6);
    expect(lat).toBeCloseTo(52.09056, 6);
    expect(await screen.findByText(/Omgerekend van RD/)).toBeTruthy();
  });

  it('a file over the limit is refused with the limit and the layers already there stay', async () => {
    const kept = {
      id: 'user-kept',
      url: 'https://x.test/kept.geojson',
      kind: 'geojson' as const,
      title: 'kept',
      visible: true,
      status: {
        state: 'ready' as const,
        count: 0,
        drawable: true,
        provenance: provenanceFor('user', { url: 'x', fetchedAt: 0 }),
      },
    };
    useUserLayersStore.setState({ layers: [kept] });
    render(<AddLayer />);
    chooseFile(new Uint8Array(30 * 1024 * 1024 + 1), 'te-groot.geojson');
    const alert = await screen.findByText(/groter dan 30 MB/);
    expect(alert.getAttribute('role')).toBe('alert');
    expect(useUserLayersStore.getState().layers).toEqual([kept]);
  });
});
