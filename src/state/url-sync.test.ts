// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from './app-store.ts';
import { useLayersStore } from './layers-store.ts';
import { useTimeStore } from './time-store.ts';
import { poseLookingAt } from '../geo/camera-pose.ts';
import { startUrlSync } from './url-sync.ts';
import { decodeView } from './url-codec.ts';

describe('URL sync', () => {
  let stop: () => void;

  beforeEach(() => {
    window.history.replaceState(
      null,
      '',
      '/?v=1&cam=5.121330,52.090760,412.3,10.5,-28.3,0.0&src=3dbag&lang=en',
    );
    stop = startUrlSync(useAppStore, window);
  });
  afterEach(() => stop());

  it('restores the view from the opening link', () => {
    const state = useAppStore.getState();
    expect(state.dataSource).toBe('3dbag');
    expect(state.language).toBe('en');
    expect(state.cameraRequest?.pose.height).toBeCloseTo(412.3, 6);
    expect(state.cameraRequest?.fly).toBe(false);
  });

  it('adds a history entry for a chosen place and replaces it while dragging', () => {
    const length = window.history.length;
    const place = poseLookingAt(5.119, 52.093);
    useAppStore.getState().reportCamera(place, 'push');
    expect(window.history.length).toBe(length + 1);
    useAppStore.getState().reportCamera({ ...place, height: place.height + 50 }, 'replace');
    expect(window.history.length).toBe(length + 1);
    expect(decodeView(window.location.search).view.camera.height).toBeCloseTo(place.height + 50, 1);
  });

  it('adds a history entry when the data source changes, and going back restores it', async () => {
    useAppStore.getState().setDataSource('sample');
    expect(window.location.search).not.toContain('src=');
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    window.history.back();
    await popped;
    expect(useAppStore.getState().dataSource).toBe('3dbag');
  });

  it('adds a history entry when live data is switched on', () => {
    const push = vi.spyOn(window.history, 'pushState');
    useAppStore.getState().setLive(true);
    expect(window.location.search).toContain('live=1');
    expect(push).toHaveBeenCalledTimes(1);
    useAppStore.getState().setLive(false);
    expect(window.location.search).not.toContain('live');
    push.mockRestore();
  });
});

describe('URL sync: data layers and time', () => {
  let stop: () => void;
  beforeEach(() => {
    window.history.replaceState(null, '', '/?v=1&layers=crowd-sample:60&t=2026-06-21T15:00');
    stop = startUrlSync(useAppStore, window, useLayersStore, useTimeStore);
  });
  afterEach(() => stop());

  it('restores layers and time from the link, and writes changes back', () => {
    expect(useLayersStore.getState().layers['crowd-sample']).toEqual({ visible: true, opacity: 60 });
    expect(useTimeStore.getState().mode).not.toBe('now');
    const push = vi.spyOn(window.history, 'pushState');
    useLayersStore.getState().setOpacity('crowd-sample', 30);
    expect(window.location.search).toContain('layers=crowd-sample:30');
    expect(push).not.toHaveBeenCalled(); // sliding opacity replaces the entry
    useLayersStore.getState().setVisible('crowd-sample', false);
    expect(window.location.search).not.toContain('layers=');
    expect(push).toHaveBeenCalledTimes(1); // switching a layer off is a step back can undo
    push.mockRestore();
    useTimeStore.getState().jumpToNow();
    expect(window.location.search).not.toContain('t=');
  });
});
