import { createReadStream, existsSync, statSync, cpSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Plugin, ResolvedConfig } from 'vite';

/** A folder on disk that is served under a URL prefix in dev and copied into the build output. */
export interface StaticDir {
  /** URL prefix, e.g. `/cesium/Workers`. */
  urlPrefix: string;
  /** Absolute folder on disk. */
  dir: string;
}

const MIME_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.css': 'text/css',
  '.xml': 'application/xml',
  '.geojson': 'application/geo+json',
};

/**
 * Serves folders that live outside `public/` (Cesium's runtime assets, the embedded tilesets)
 * without a third-party plugin: a dev/preview middleware plus a copy after the bundle is written.
 */
export function staticDirsPlugin(dirs: StaticDir[]): Plugin {
  let config: ResolvedConfig;
  const middleware = (req: { url?: string }, res: ServerResponse, next: () => void) => {
    const [rawPath = '', query = ''] = (req.url ?? '').split('?');
    // A module import of a served file (e.g. `import.meta.glob('/scenarios/*.json')`) is Vite's to answer.
    if (new URLSearchParams(query).has('import')) return next();
    const url = decodeURIComponent(rawPath);
    for (const { urlPrefix, dir } of dirs) {
      if (!url.startsWith(urlPrefix + '/')) continue;
      const file = path.join(dir, url.slice(urlPrefix.length));
      // Refuse paths that climb out of the served folder.
      if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) continue;
      res.setHeader('Content-Type', MIME_TYPES[path.extname(file)] ?? 'application/octet-stream');
      createReadStream(file).pipe(res);
      return;
    }
    next();
  };
  return {
    name: 'tweeling-static-dirs',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
    writeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      for (const { urlPrefix, dir } of dirs) {
        cpSync(dir, path.join(outDir, urlPrefix), { recursive: true });
      }
    },
  };
}
