/**
 * Serves the production build for a benchmark: builds it first when dist/ is missing, starts
 * `vite preview` on the given port, and waits until it answers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface PreviewServer {
  url: string;
  stop: () => void;
}

export async function startPreview(port: number): Promise<PreviewServer> {
  if (!existsSync(path.join(REPO_ROOT, 'dist'))) {
    spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
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
