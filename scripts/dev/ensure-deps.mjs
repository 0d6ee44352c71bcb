// Makes a fresh clone ready: installs the locked npm packages when they are missing or stale, and,
// with --browser, makes sure a Chromium exists for the browser tests. Plain JS: runs before any
// dependency (tsx included) is installed.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const installedMarker = path.join(root, 'node_modules/.package-lock.json');
const lock = path.join(root, 'package-lock.json');

if (!existsSync(installedMarker) || statSync(installedMarker).mtimeMs < statSync(lock).mtimeMs) {
  console.log('Installing the locked npm packages (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}

if (process.argv.includes('--browser')) ensureChromium();

function ensureChromium() {
  if (process.env.CHROMIUM_PATH || existsSync('/usr/bin/chromium')) return;
  // Playwright's own browsers, on a normal machine where `npx playwright install` was run.
  if (existsSync(path.join(os.homedir(), '.cache/ms-playwright'))) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("Installing Debian's Chromium for the browser tests (apt-get install chromium)...");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
    return;
  }
  console.error(
    'No Chromium found for the browser tests. Install one of:\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium   (or set CHROMIUM_PATH)\n' +
      '  elsewhere:     npx playwright install chromium',
  );
  process.exit(1);
}
