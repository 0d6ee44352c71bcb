/**
 * Serves the e2e build (production-minified, with the test hooks) for a benchmark: builds it first
 * when dist-e2e/ is missing, starts `vite preview --mode e2e` on the given port, and waits until it
 * answers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** Where `npm run build:e2e` writes (vite.config.ts, mode e2e). */
export const E2E_OUT_DIR = 'dist-e2e';

export interface PreviewServer {
  url: string;
  stop: () => void;
}

/** Runs `npm run <script>` when `outDir` is missing. */
export function ensureBuilt(outDir: string, script: string): void {
  if (!existsSync(path.join(REPO_ROOT, outDir))) {
    spawnSync('npm', ['run', script], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
}

export async function startPreview(port: number): Promise<PreviewServer> {
  ensureBuilt(E2E_OUT_DIR, 'build:e2e');
  const server = spawn(
    'npx',
    ['vite', 'preview', '--mode', 'e2e', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: REPO_ROOT,
      stdio: 'ignore',
      // Its own process group, so stop() also ends the vite process npx started.
      detached: true,
    },
  );
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid);
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error(`vite preview did not start on ${url}`);
}
