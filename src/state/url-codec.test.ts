import { describe, expect, it } from 'vitest';
import { decodeView, encodeView, DEFAULT_VIEW, type SharedView } from './url-codec.ts';
import { posesClose } from '../geo/camera-pose.ts';

const sample: SharedView = {
  camera: { lon: 5.12133, lat: 52.09076, height: 412.34, heading: 370.5, pitch: -28.25, roll: 0 },
  dataSource: '3dbag',
  baseLayer: 'luchtfoto',
  language: 'en',
};

describe('view URL codec', () => {
  it('round-trips a view within 0.1 m and 0.1°', () => {
    const { view, ignored } = decodeView(encodeView(sample));
    expect(ignored).toEqual([]);
    expect(posesClose(view.camera, sample.camera, 0.1, 0.1)).toBe(true);
    expect(view.dataSource).toBe('3dbag');
    expect(view.baseLayer).toBe('luchtfoto');
    expect(view.language).toBe('en');
  });

  it('writes a readable, versioned query and leaves defaults out', () => {
    const query = encodeView({ ...DEFAULT_VIEW, camera: sample.camera });
    expect(query).toBe('?v=1&cam=5.121330,52.090760,412.3,10.5,-28.3,0.0');
  });

  it('falls back to defaults for unusable values and says which', () => {
    const { view, ignored } = decodeView('?v=1&cam=5.1,abc,3,0,0,0&src=google&base=brt&lang=de');
    expect(view.camera).toEqual(DEFAULT_VIEW.camera);
    expect(view.dataSource).toBe('sample');
    expect(view.baseLayer).toBe('brt');
    expect(view.language).toBe('nl');
    expect(ignored.sort()).toEqual(['cam', 'lang', 'src']);
  });

  it('rejects impossible camera values', () => {
    expect(decodeView('?cam=5.1,52.1,100,0,-120,0').ignored).toEqual(['cam']);
    expect(decodeView('?cam=5.1,95,100,0,-20,0').ignored).toEqual(['cam']);
    expect(decodeView('?cam=5.1,52.1,100,0,-20').ignored).toEqual(['cam']);
  });

  it('flags a link from an unknown future format version', () => {
    expect(decodeView('?v=9').ignored).toEqual(['v']);
  });

  it('writes live data as live=1 only when on, and reads it back', () => {
    expect(encodeView({ ...DEFAULT_VIEW, live: true })).toContain('&live=1');
    expect(encodeView(DEFAULT_VIEW)).not.toContain('live');
    expect(decodeView('?live=1').view.live).toBe(true);
    expect(decodeView('?live=0').view.live).toBe(false);
    expect(decodeView('?live=yes')).toMatchObject({ view: { live: false }, ignored: ['live'] });
  });

  it('gives the defaults for an empty query', () => {
    expect(decodeView('').view).toEqual(DEFAULT_VIEW);
  });
});

describe('posesClose', () => {
  it('treats headings across north as close', () => {
    const a = { ...DEFAULT_VIEW.camera, heading: 359.95 };
    const b = { ...DEFAULT_VIEW.camera, heading: 0.02 };
    expect(posesClose(a, b)).toBe(true);
  });
  it('notices a 5 m shift', () => {
    const a = DEFAULT_VIEW.camera;
    const b = { ...a, lat: a.lat + 5 / 111_320 };
    expect(posesClose(a, b, 1)).toBe(false);
  });
});

describe('view URL codec: data layers and time', () => {
  const now = Date.UTC(2026, 10, 22, 10, 0);

  it('keeps every older version-1 link working: no layers, live time', () => {
    const { view, ignored } = decodeView('?v=1&cam=5.121330,52.090760,412.3,10.5,-28.3,0.0', now);
    expect(ignored).toEqual([]);
    expect(view.layers).toEqual([]);
    expect(view.time).toEqual({ mode: 'now' });
  });

  it('round-trips layers with opacity and a time, inferring the mode', () => {
    const t = Date.UTC(2026, 5, 21, 13, 0);
    const query = encodeView(
      { ...DEFAULT_VIEW, layers: [{ id: 'crowd-sample', opacity: 80 }], time: { mode: 'history', time: t } },
      now,
    );
    expect(query).toContain('layers=crowd-sample:80');
    expect(query).toContain('t=2026-06-21T15:00');
    expect(query).not.toContain('tm=');
    const { view } = decodeView(query, now);
    expect(view.layers).toEqual([{ id: 'crowd-sample', opacity: 80 }]);
    expect(view.time).toEqual({ mode: 'history', time: t });
  });

  it('writes the mode only when it cannot be inferred', () => {
    const t = Date.UTC(2026, 10, 22, 12, 0); // two hours ahead, but looked at as planning
    const query = encodeView({ ...DEFAULT_VIEW, time: { mode: 'planning', time: t } }, now);
    expect(query).toContain('tm=planning');
    expect(decodeView(query, now).view.time).toEqual({ mode: 'planning', time: t });
  });

  it('ignores unknown layers, bad opacities and bad times, and says so', () => {
    for (const [query, key] of [
      ['?layers=nope:50', 'layers'],
      ['?layers=crowd-sample:150', 'layers'],
      ['?layers=crowd-sample,crowd-sample', 'layers'],
      ['?t=2026-02-30T10:00', 't'],
      ['?t=2026-06-21T15:00&tm=yesterday', 'tm'],
    ] as const) {
      expect(decodeView(query, now).ignored, query).toEqual([key]);
    }
    expect(decodeView('?layers=crowd-sample', now).view.layers).toEqual([
      { id: 'crowd-sample', opacity: 80 },
    ]);
    expect(decodeView('?layers=', now).view.layers).toEqual([]);
  });
});

describe('view URL codec: scenario', () => {
  const token = 'dq1aTW9yZS1UaGFuLUVpZ2h0LUNoYXJz_-';

  it('round-trips a scenario token and its playback time', () => {
    const query = encodeView({ ...DEFAULT_VIEW, scenario: token, scenarioTime: '22:45' });
    expect(query).toContain(`sc=${token}`);
    expect(query).toContain('sct=22:45');
    const { view, ignored } = decodeView(query);
    expect(ignored).toEqual([]);
    expect(view.scenario).toBe(token);
    expect(view.scenarioTime).toBe('22:45');
  });

  it('leaves both out when there is no scenario', () => {
    const query = encodeView({ ...DEFAULT_VIEW, scenarioTime: '22:45' });
    expect(query).not.toContain('sc');
    expect(decodeView('?v=1').view.scenario).toBeNull();
  });

  it('ignores a damaged token or time, and says so', () => {
    expect(decodeView('?sc=x!').ignored).toEqual(['sc']);
    expect(decodeView(`?sc=${token}&sct=25:99`)).toMatchObject({
      ignored: ['sct'],
      view: { scenario: token, scenarioTime: null },
    });
    expect(decodeView('?sct=10:00').ignored).toEqual(['sct']);
  });
  it('round-trips a participation plan and its moderator view, never a token', () => {
    const query = encodeView({ ...sample, plan: 7, moderate: true });
    expect(query).toContain('plan=7&mod=1');
    const { view, ignored } = decodeView(query);
    expect(ignored).toEqual([]);
    expect(view.plan).toBe(7);
    expect(view.moderate).toBe(true);
    expect(encodeView({ ...sample, plan: null, moderate: true })).not.toContain('mod=');
  });

  it('ignores a bad plan id and a moderator flag without a plan, and says so', () => {
    expect(decodeView('?plan=abc&mod=1')).toMatchObject({
      view: { plan: null, moderate: false },
      ignored: ['plan', 'mod'],
    });
    expect(decodeView('?mod=1')).toMatchObject({ view: { plan: null, moderate: false }, ignored: ['mod'] });
    expect(decodeView('?plan=0').ignored).toEqual(['plan']);
  });

  it('round-trips the room screen of a plan, and ignores it without a plan', () => {
    const query = encodeView({ ...sample, plan: 3, room: true });
    expect(query).toContain('plan=3&room=1');
    expect(decodeView(query)).toMatchObject({ view: { plan: 3, room: true }, ignored: [] });
    expect(decodeView('?room=1')).toMatchObject({ view: { plan: null, room: false }, ignored: ['room'] });
    expect(decodeView('?plan=3&room=yes')).toMatchObject({
      view: { plan: 3, room: false },
      ignored: ['room'],
    });
  });
});
