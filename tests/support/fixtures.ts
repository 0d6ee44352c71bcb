/** Reads recorded API responses from tests/fixtures/api (Node only; tests import this, the app never does). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURE_ROOT = path.resolve(import.meta.dirname, '../fixtures/api');

export function fixtureText(relative: string): string {
  return readFileSync(path.join(FIXTURE_ROOT, relative), 'utf8');
}

export function fixtureJson(relative: string): unknown {
  return JSON.parse(fixtureText(relative));
}
