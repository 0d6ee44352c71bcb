// `npm start`: the participation server and Vite side by side; Ctrl-C stops both. Plain JS, no dependency.
// The viewer works without the server, so Vite keeps running if the server stops; when Vite stops, so does all.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const node = process.execPath;

const server = spawn(
  node,
  [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'server/main.ts')],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
const vite = spawn(node, [path.join(root, 'node_modules/vite/bin/vite.js'), '--host', '127.0.0.1'], {
  cwd: root,
  stdio: 'inherit',
});

let stopping = false;
server.on('exit', (code) => {
  if (code && !stopping)
    console.error(
      `The participation server stopped (exit code ${code}); the viewer keeps running without it.`,
    );
});
vite.on('exit', (code) => {
  if (server.exitCode === null) server.kill('SIGTERM');
  process.exitCode = code ?? 0;
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    for (const child of [server, vite]) if (child.exitCode === null) child.kill(signal);
  });
}
