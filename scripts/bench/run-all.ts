/**
 * `npm run bench`: runs every `scripts/bench/*.bench.ts` one after another and prints their figures.
 * Benchmarks print numbers; they never pass or fail on speed (CI machines are noisy).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const benches = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync('npx', ['tsx', path.join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`(${file} stopped with exit code ${result.status})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
