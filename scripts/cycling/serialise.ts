/**
 * JSON for network files that diffs well: the outer structure indented, every node, link, zone,
 * counting point and matrix row on one line.
 */
export function serialiseNetwork(value: unknown): string {
  return `${write(value, 0)}\n`;
}

function write(value: unknown, depth: number): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || (depth >= 2 && flat.length <= 1000)) return flat;
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0 || value.every((v) => typeof v !== 'object' || v === null)) return flat;
    return `[\n${value.map((v) => pad + write(v, depth + 1)).join(',\n')}\n${end}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${write(v, depth + 1)}`).join(',\n')}\n${end}}`;
}
