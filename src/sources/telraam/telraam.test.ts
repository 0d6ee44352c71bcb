import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/client.ts';
import { SourceError } from '../http/errors.ts';
import { describeBadInput } from '../../../tests/support/bad-input-suite.ts';
import { createTestClock } from '../../../tests/support/clock.ts';
import { createFakeFetch, jsonResponse, type FakeRoute } from '../../../tests/support/fake-fetch.ts';
import { fixtureJson } from '../../../tests/support/fixtures.ts';
import { buildTelraamExport, createTelraam } from './index.ts';

const EXPORT = '/data/telraam/export.json';
const PROXY = 'https://proxy.example/telraam';
const KEY = 'tr-secret-key-123';

function setup(routes: FakeRoute[], log: string[] = []) {
  const fake = createFakeFetch(routes);
  const http = createHttpClient({
    fetch: fake.fetch,
    clock: createTestClock(),
    random: () => 0.5,
    log: (e) => log.push(JSON.stringify(e)),
  });
  return { http, calls: fake.calls };
}

describe('telraam static export (default, key-less)', () => {
  it('reads segments from the export, keeps Utrecht, handles "" as no data', async () => {
    const t = setup([{ match: EXPORT, replies: [jsonResponse(fixtureJson('telraam/export.json'))] }]);
    const tr = createTelraam({ http: t.http, exportUrl: EXPORT });
    expect(tr.mode).toBe('static-export');
    const r = await tr.segments();
    expect(r.data.map((s) => s.segmentId)).toEqual(['9000001234', '9000005678']);
    expect(r.data[0]?.latest).toEqual({
      date: '2026-08-20T09:00:00.000Z',
      period: 'hourly',
      uptime: 0.81,
      car: 112.4,
      bike: 287.9,
      pedestrian: 64.2,
      heavy: 3.7,
      v85: 31.5,
    });
    expect(r.data[1]?.latest).toBeUndefined();
    expect(r.data[0]?.lines[0]?.[0]).toEqual([5.1123, 52.0921]);
    // Age comes from the export, not from our download.
    expect(r.provenance.fetchedAt).toBe('2026-08-20T09:30:00.000Z');
    expect(t.calls[0]?.init?.headers).not.toHaveProperty('X-Api-Key');
  });

  it('serves reports for a time window from the export and flags low uptime', async () => {
    const t = setup([{ match: EXPORT, replies: [jsonResponse(fixtureJson('telraam/export.json'))] }]);
    const r = await createTelraam({ http: t.http, exportUrl: EXPORT }).trafficReport('9000001234', {
      timeStart: '2026-08-19T06:00:00Z',
      timeEnd: '2026-08-19T08:00:00Z',
    });
    expect(r.data.map((h) => [h.date, h.bike, h.reliable])).toEqual([
      ['2026-08-19T06:00:00.000Z', 35, false],
      ['2026-08-19T07:00:00.000Z', 263.01, true],
    ]);
  });

  it('builds and validates an export file for the server-side script', () => {
    const ex = buildTelraamExport(
      fixtureJson('telraam/traffic_snapshot_live.json'),
      {
        '9000001234': (fixtureJson('telraam/reports-traffic-9000001234.json') as { report: unknown[] })
          .report,
      },
      new Date('2026-08-20T09:30:00Z'),
    );
    expect(ex.generatedAt).toBe('2026-08-20T09:30:00.000Z');
    expect(ex.snapshot.features).toHaveLength(3);
    expect(() => buildTelraamExport({ nope: true }, undefined, new Date())).toThrow();
  });
});

describe("telraam's real timestamps", () => {
  it('reads "2023-12-10 04:00:00+00:00" (not only Chromium can) and hands on ISO', async () => {
    // The live API's own shape (data-sources notes, 8.1): a space and +00:00, six decimals in
    // last_data_package. The recorded fixture is rewritten into it, values unchanged.
    const real = (iso: string) => iso.replace('T', ' ').replace('.000Z', '+00:00');
    const report = fixtureJson('telraam/reports-traffic-9000001234.json') as { report: { date: string }[] };
    const live = { ...report, report: report.report.map((r) => ({ ...r, date: real(r.date) })) };
    expect(live.report[0]?.date).toBe('2026-08-19 06:00:00+00:00');
    const snapshot = fixtureJson('telraam/traffic_snapshot_live.json') as {
      features: { properties: Record<string, unknown> }[];
    };
    snapshot.features[0]!.properties['date'] = '2023-12-10 04:00:00+00:00';
    snapshot.features[0]!.properties['last_data_package'] = '2023-12-10 04:58:12.117000+00:00';
    const t = setup([
      { match: `${PROXY}/reports/traffic_snapshot_live`, replies: [jsonResponse(snapshot)] },
      { match: `${PROXY}/reports/traffic`, replies: [jsonResponse(live)] },
    ]);
    const tr = createTelraam({ http: t.http, live: { proxyUrl: PROXY } });
    const seg = await tr.segments();
    expect(seg.data[0]?.latest?.date).toBe('2023-12-10T04:00:00.000Z');
    expect(seg.data[0]?.lastDataPackage).toBe('2023-12-10T04:58:12.117Z');
    const rep = await tr.trafficReport('9000001234', {
      timeStart: '2026-08-19T00:00:00Z',
      timeEnd: '2026-08-20T00:00:00Z',
    });
    expect(rep.data.map((h) => h.date)).toEqual(report.report.map((r) => r.date));
    expect(rep.data[0]?.date).toBe('2026-08-19T06:00:00.000Z');
  });
});

describe('telraam live via a server-side proxy', () => {
  it('GETs the snapshot from the proxy and POSTs a traffic report query', async () => {
    const t = setup([
      {
        match: `${PROXY}/reports/traffic_snapshot_live`,
        replies: [jsonResponse(fixtureJson('telraam/traffic_snapshot_live.json'))],
      },
      {
        match: `${PROXY}/reports/traffic`,
        replies: [jsonResponse(fixtureJson('telraam/reports-traffic-9000001234.json'))],
      },
    ]);
    const tr = createTelraam({ http: t.http, live: { proxyUrl: PROXY } });
    expect(tr.mode).toBe('live-proxy');
    const seg = await tr.segments();
    expect(seg.data).toHaveLength(2);
    const rep = await tr.trafficReport('9000001234', {
      timeStart: '2026-08-19T00:00:00Z',
      timeEnd: '2026-08-20T00:00:00Z',
    });
    expect(rep.data).toHaveLength(3);
    const post = t.calls[1];
    expect(post?.init?.method).toBe('POST');
    expect(JSON.parse(String(post?.init?.body))).toEqual({
      level: 'segments',
      format: 'per-hour',
      id: '9000001234',
      time_start: '2026-08-19 00:00:00Z',
      time_end: '2026-08-20 00:00:00Z',
    });
  });

  it('sends a run-time key only as a header and never leaks it into URLs, errors or logs', async () => {
    const log: string[] = [];
    const t = setup([{ match: () => true, replies: [jsonResponse({}, { status: 500 })] }], log);
    const tr = createTelraam({ http: t.http, live: { proxyUrl: PROXY, apiKey: KEY } });
    const err = await tr.segments().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((t.calls[0]?.init?.headers as Record<string, string>)['X-Api-Key']).toBe(KEY);
    expect(t.calls.every((c) => !c.url.includes(KEY))).toBe(true);
    expect(JSON.stringify(err)).not.toContain(KEY);
    expect(String((err as Error).message)).not.toContain(KEY);
    expect(log.join('\n')).not.toContain(KEY);
    expect(log.length).toBeGreaterThan(0);
  });

  it('never reads a key from the build environment', () => {
    const dir = import.meta.dirname;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const code = readFileSync(path.join(dir, file), 'utf8');
      expect(code, file).not.toMatch(/import\.meta\.env/);
      expect(code, file).not.toMatch(/telraam-api\.net/);
    }
  });
});

const ex = fixtureJson('telraam/export.json') as {
  snapshot: { features: { properties: Record<string, unknown> }[] };
};
const noSegment = structuredClone(ex);
delete noSegment.snapshot.features[1]?.properties.segment_id;
const emptyExport = { ...structuredClone(ex), snapshot: { type: 'FeatureCollection', features: [] } };

describeBadInput('telraam (static export)', {
  sourceId: 'telraam',
  call: (http, signal) => createTelraam({ http, exportUrl: EXPORT }).segments(signal ? { signal } : {}),
  good: ex,
  wrongShape: { body: { format: 'tweeling-telraam-export', version: 2 }, path: 'version' },
  missingField: { body: noSegment, path: 'snapshot.features[1].properties.segment_id' },
  empty: { body: emptyExport, expect: 'empty-list' },
});
