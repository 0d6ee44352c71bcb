import { existsSync } from 'node:fs';

/**
 * How to start Chromium here: Debian's /usr/bin/chromium when present (or CHROMIUM_PATH), otherwise
 * Playwright's own browser on a normal machine. SwiftShader gives WebGL2 without a GPU; the host
 * resolver rule stops the browser process from looking up Google hosts on a closed network.
 */
export const chromiumExecutable =
  process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const chromiumArgs = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

export const launchOptions = {
  ...(chromiumExecutable ? { executablePath: chromiumExecutable } : {}),
  args: chromiumArgs,
};
