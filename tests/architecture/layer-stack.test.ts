/**
 * The one-way folder stack of src/ (scripts/lint/layer-stack.json): ESLint rejects an upward
 * import, every folder of src/ has a place in the stack, and the folder graph has no cycle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import layerStack from '../../scripts/lint/layer-stack.json' with { type: 'json' };

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');
const stack: string[] = layerStack.folders;
/** The e2e build's hooks: outside the stack, loaded only by import() behind __TEST_HOOKS__. */
const OUTSIDE_STACK = new Set(['testing']);

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Folder-to-folder edges of src/ from relative imports (static, re-exports and import()). */
function folderEdges(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  const importPattern = /(?:from\s+|import\s*\(\s*)['"](\.[^'"]+)['"]/g;
  for (const file of sourceFiles(src)) {
    const from = relative(src, file).split(sep);
    if (from.length < 2) continue; // src/main.tsx mounts the app; nothing imports it
    for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const to = relative(src, resolve(dirname(file), match[1]!)).split(sep);
      if (to.length < 2 || to[0] === from[0] || to[0] === '..') continue;
      if (!edges.has(from[0]!)) edges.set(from[0]!, new Set());
      edges.get(from[0]!)!.add(to[0]!);
    }
  }
  return edges;
}

describe('folder stack', () => {
  it('lint rejects an import from a lower folder up into a higher one', async () => {
    const upward = await boundaryErrors(
      'src/scenarios/upward-probe.ts',
      "import { useAppStore } from '../state/app-store.ts';\nexport const probe = useAppStore;\n",
    );
    expect(upward).toHaveLength(1);
    expect(upward[0]).toContain('src/scenarios sits below state');
  }, 60_000);

  it('lint accepts imports down the stack and within a folder', async () => {
    const down = await boundaryErrors(
      'src/state/down-probe.ts',
      "import { endpoints } from '../config/endpoints.ts';\nimport { useAppStore } from './app-store.ts';\nexport const probe = [endpoints, useAppStore];\n",
    );
    expect(down).toEqual([]);
  }, 60_000);

  it('places every folder of src/ in the stack, so none escapes the rule', () => {
    const folders = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
    const unplaced = folders.filter((f) => !stack.includes(f) && !OUTSIDE_STACK.has(f));
    expect(unplaced).toEqual([]);
  });

  it('has folder imports only downward, hence no cycle between folders', () => {
    const upward: string[] = [];
    for (const [from, targets] of folderEdges()) {
      if (OUTSIDE_STACK.has(from)) continue;
      for (const to of targets) {
        if (OUTSIDE_STACK.has(to)) continue;
        if (stack.indexOf(to) <= stack.indexOf(from)) upward.push(`${from} -> ${to}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
