/**
 * Mock API server: serves the recorded fixtures in tests/fixtures/api under one path prefix per
 * source, with CORS, so the app (`vite --mode mock`, see .env.mock) and tests can exercise the live
 * code paths offline. Failures can be injected per request:
 *   - query  `__fail=<mode>` (and `__failTimes=N` to fail only the first N identical requests,
 *     `__retryAfter=S` for 429/503),
 *   - header `x-mock-fail: <mode>` (`x-mock-fail-times`, `x-mock-retry-after`),
 *   - path   `/__fail/<mode>/<prefix>/…`, which composes with a base-URL override.
 * Modes: 400 404 429 500 502 503 html timeout malformed huge empty wrongshape.
 *
 * CLI: `tsx scripts/mock-api/server.ts --port 8787 [--host 127.0.0.1]` (npm run mock-api).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { sourceRoutes, type RouteReply } from './routes.ts';

export const FAIL_MODES = [
  '400',
  '404',
  '429',
  '500',
  '502',
  '503',
  'html',
  'timeout',
  'malformed',
  'huge',
  'empty',
  'wrongshape',
] as const;
export type FailMode = (typeof FAIL_MODES)[number];

export interface MockApiOptions {
  /** 0 picks a free port (tests). Default 8787. */
  port?: number;
  host?: string;
  fixturesDir?: string;
  /** Called once per request; the CLI prints these. */
  onRequest?: (line: string) => void;
}

export interface MockApiServer {
  /** e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures/api');

const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': 'Retry-After, Content-Length, Content-Type',
  'access-control-max-age': '600',
};

function isFailMode(v: string | undefined | null): v is FailMode {
  return v != null && (FAIL_MODES as readonly string[]).includes(v);
}

let tilePng: Buffer | undefined;
/** A 256×256 light-grey tile with a darker border, so mock imagery is visibly "mock". */
function tile(): Buffer {
  if (tilePng) return tilePng;
  const png = new PNG({ width: 256, height: 256 });
  for (let y = 0; y < 256; y++) {
    for (let x = 0; x < 256; x++) {
      const i = (y * 256 + x) * 4;
      const edge = x < 2 || y < 2 || x > 253 || y > 253;
      const v = edge ? 150 : 225;
      png.data[i] = v;
      png.data[i + 1] = v;
      png.data[i + 2] = v + 10 > 255 ? 255 : v + 10;
      png.data[i + 3] = 255;
    }
  }
  tilePng = PNG.sync.write(png);
  return tilePng;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function createMockApiServer(options: MockApiOptions = {}): Promise<MockApiServer> {
  const fixturesDir = options.fixturesDir ?? DEFAULT_FIXTURES;
  const sockets = new Set<Socket>();
  const failCounts = new Map<string, number>();

  const send = (
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { ...CORS_HEADERS, ...headers });
    res.end(body);
  };
  const sendJson = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => send(res, status, JSON.stringify(body), { 'content-type': 'application/json', ...headers });

  /** Returns true when it answered (or deliberately will never answer) the request. */
  function injectFailure(res: ServerResponse, mode: FailMode, retryAfter: string): boolean {
    switch (mode) {
      case 'timeout':
        // Never answer; the socket is destroyed when the client gives up or the server closes.
        return true;
      case 'html':
        send(
          res,
          200,
          '<!DOCTYPE html><html><head><title>Onderhoud</title></head><body><h1>Even geduld</h1></body></html>',
          {
            'content-type': 'text/html; charset=utf-8',
          },
        );
        return true;
      case 'malformed':
        send(res, 200, '{"type": "FeatureCollection", "features": [{"type": "Feat', {
          'content-type': 'application/json',
        });
        return true;
      case 'empty':
        send(res, 200, '', { 'content-type': 'application/json' });
        return true;
      case 'wrongshape':
        sendJson(res, 200, { unexpected: true, items: 'none' });
        return true;
      case 'huge': {
        // About 64 MiB, streamed without Content-Length; stops when the client hangs up.
        res.writeHead(200, { ...CORS_HEADERS, 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let left = 1024;
        const pump = () => {
          while (left > 0) {
            left -= 1;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end('{}');
        };
        res.on('close', () => {
          left = 0;
        });
        res.write('[');
        pump();
        return true;
      }
      default: {
        const status = Number(mode);
        const headers: Record<string, string> =
          status === 429 || status === 503 ? { 'retry-after': retryAfter } : {};
        sendJson(res, status, { code: `Mock${status}`, description: `Injected failure ${status}` }, headers);
        return true;
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number | string> {
    if (req.method === 'OPTIONS') {
      send(res, 204, '');
      return 204;
    }
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    const url = new URL(req.url ?? '/', origin);
    let pathname = url.pathname;

    // Failure injection: path prefix, then query, then header.
    let mode: string | null | undefined;
    const pathFail = /^\/__fail\/([^/]+)(\/.*)$/.exec(pathname);
    if (pathFail) {
      mode = pathFail[1];
      pathname = pathFail[2] ?? '/';
    }
    mode ??= url.searchParams.get('__fail') ?? (req.headers['x-mock-fail'] as string | undefined);
    const times = Number(url.searchParams.get('__failTimes') ?? req.headers['x-mock-fail-times'] ?? Infinity);
    const retryAfter =
      url.searchParams.get('__retryAfter') ??
      (req.headers['x-mock-retry-after'] as string | undefined) ??
      '1';
    for (const key of [...url.searchParams.keys()]) if (key.startsWith('__')) url.searchParams.delete(key);

    if (mode !== undefined && mode !== null) {
      if (!isFailMode(mode)) {
        sendJson(res, 400, {
          description: `unknown __fail mode ${mode}; use one of ${FAIL_MODES.join(', ')}`,
        });
        return 400;
      }
      const key = `${mode} ${pathname}?${url.searchParams.toString()}`;
      const n = failCounts.get(key) ?? 0;
      if (n < times) {
        failCounts.set(key, n + 1);
        injectFailure(res, mode, retryAfter);
        return `fail:${mode}`;
      }
    }

    const source = sourceRoutes.find((s) => pathname === s.prefix || pathname.startsWith(`${s.prefix}/`));
    if (!source) {
      sendJson(res, 404, {
        description: 'unknown source prefix',
        prefixes: sourceRoutes.map((s) => s.prefix),
      });
      return 404;
    }
    const body = req.method === 'POST' ? await readBody(req) : '';
    const reply: RouteReply | undefined = source.handle({
      method: req.method ?? 'GET',
      path: pathname.slice(source.prefix.length) || '/',
      query: url.searchParams,
      body,
    });
    if (!reply) {
      sendJson(res, 404, { description: `no fixture for ${pathname}` });
      return 404;
    }
    if ('tile' in reply) {
      send(res, 200, tile(), { 'content-type': 'image/png', 'cache-control': 'max-age=3600' });
      return 200;
    }
    if ('json' in reply) {
      sendJson(res, reply.status, reply.json);
      return reply.status;
    }
    let text = await readFile(path.join(fixturesDir, reply.fixture), 'utf8');
    // Point absolute links in the fixture (next pages, self links) back at this server.
    if (source.realBase) text = text.split(source.realBase).join(`${origin}${source.prefix}`);
    send(res, 200, text, { 'content-type': reply.contentType ?? 'application/json; charset=utf-8' });
    return 200;
  }

  const server = createServer((req, res) => {
    handle(req, res).then(
      (status) => options.onRequest?.(`${req.method} ${req.url} → ${status}`),
      (e: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { description: `mock server error: ${String(e)}` });
        options.onRequest?.(`${req.method} ${req.url} → 500 (${String(e)})`);
      },
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8787);
  const host = options.host ?? '127.0.0.1';

  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging ("timeout") requests would keep close() waiting forever.
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const args = process.argv.slice(2);
  const port = Number(argValue(args, '--port') ?? 8787);
  const host = argValue(args, '--host') ?? '127.0.0.1';
  createMockApiServer({ port, host, onRequest: (line) => console.log(line) }).then(
    (s) => {
      console.log(`Tweeling mock API on ${s.url}`);
      console.log(`Prefixes: ${sourceRoutes.map((r) => r.prefix).join(' ')}`);
      console.log(`Inject failures with ?__fail=<${FAIL_MODES.join('|')}>`);
      const stop = () => void s.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e: unknown) => {
      console.error(`mock API failed to start: ${String(e)}`);
      process.exit(1);
    },
  );
}
