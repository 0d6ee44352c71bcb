// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../state/app-store.ts';
import { BuildingInfo } from './BuildingInfo.tsx';

afterEach(() => {
  cleanup();
  useAppStore.getState().select(null);
});

describe('building card', () => {
  it('closes with Escape from inside it, as with its close button (issue 15)', () => {
    useAppStore.getState().select({
      properties: { identificatie: 'sample.pand.1', b3_h_maaiveld: 1, b3_h_nok: 13 },
      dataSource: 'sample',
    });
    render(<BuildingInfo />);
    const close = screen.getByRole('button', { name: 'Sluiten' });
    expect(screen.getByText('sample.pand.1')).toBeTruthy();
    fireEvent.keyDown(close, { key: 'Escape' });
    expect(useAppStore.getState().selection).toBeNull();
    expect(screen.queryByText('sample.pand.1')).toBeNull();
  });
});
