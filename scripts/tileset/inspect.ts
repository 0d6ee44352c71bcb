/**
 * Reads a built glb back (as CesiumJS would see it) for tests and the benchmark: decodes the
 * EXT_structural_metadata property table and gathers per-feature geometry extents in tileset-local ENU.
 */
import type { NodeIO } from '@gltf-transform/core';
import type { Features, PropertyTable, StructuralMetadata } from '@gltf-transform/extensions';

export type Value = string | number;

export interface FeatureGeometry {
  minUp: number;
  maxUp: number;
  /** Mean of vertex (east, north), metres in the tileset frame. */
  east: number;
  north: number;
  vertices: number;
}

export interface DecodedTile {
  extensionsUsed: string[];
  /** Property name → declared class type (`STRING` or the SCALAR component type). */
  classTypes: Record<string, string>;
  rows: Record<string, Value>[];
  features: Map<number, FeatureGeometry>;
  primitives: { featureCount: number; uniqueIds: number; propertyTableCount: number | null }[];
  triangles: number;
  /** Sum over triangles of their area projected on the ground, for faces whose normal points up. */
  upFacingArea: number;
}

function aligned(bytes: Uint8Array): ArrayBuffer {
  // Typed views need aligned offsets; copy into a fresh buffer.
  return bytes.slice().buffer;
}

function decodeTable(table: PropertyTable, classTypes: Record<string, string>): Record<string, Value>[] {
  const rows: Record<string, Value>[] = Array.from({ length: table.getCount() }, () => ({}));
  const decoder = new TextDecoder();
  for (const key of table.listPropertyKeys()) {
    const prop = table.getProperty(key);
    if (!prop) continue;
    const values = prop.getValues();
    const type = classTypes[key];
    if (type === 'STRING') {
      const offsets = new Uint32Array(aligned(prop.getStringOffsets() ?? new Uint8Array(4)));
      rows.forEach((r, i) => (r[key] = decoder.decode(values.subarray(offsets[i], offsets[i + 1]))));
    } else {
      const arr =
        type === 'INT16'
          ? new Int16Array(aligned(values))
          : type === 'INT32'
            ? new Int32Array(aligned(values))
            : new Float32Array(aligned(values));
      rows.forEach((r, i) => (r[key] = arr[i]!));
    }
  }
  return rows;
}

export async function decodeTile(bytes: Uint8Array, io: NodeIO): Promise<DecodedTile> {
  const doc = await io.readBinary(bytes);
  const root = doc.getRoot();
  const meta = root.getExtension<StructuralMetadata>('EXT_structural_metadata');
  const classTypes: Record<string, string> = {};
  const cls = meta?.getSchema()?.getClass('building');
  for (const key of cls?.listPropertyKeys() ?? []) {
    const p = cls!.getProperty(key)!;
    classTypes[key] = p.getType() === 'STRING' ? 'STRING' : (p.getComponentType() ?? p.getType());
  }
  const table = meta?.listPropertyTables()[0];
  const rows = table ? decodeTable(table, classTypes) : [];

  const features = new Map<number, FeatureGeometry>();
  const primitives: DecodedTile['primitives'] = [];
  let triangles = 0;
  let upFacingArea = 0;
  for (const node of root.listNodes()) {
    const [tx, ty, tz] = node.getTranslation();
    for (const prim of node.getMesh()?.listPrimitives() ?? []) {
      const pos = prim.getAttribute('POSITION')?.getArray();
      const ids = prim.getAttribute('_FEATURE_ID_0')?.getArray();
      const idx = prim.getIndices()?.getArray();
      if (!pos || !ids || !idx) continue;
      const fx = prim.getExtension<Features>('EXT_mesh_features');
      const fid = fx?.listFeatureIDs()[0];
      primitives.push({
        featureCount: fid?.getFeatureCount() ?? -1,
        uniqueIds: new Set(Array.from(ids)).size,
        propertyTableCount: fid?.getPropertyTable()?.getCount() ?? null,
      });
      for (let v = 0; v < ids.length; v++) {
        const id = ids[v]!;
        const e = pos[v * 3]! + tx;
        const up = pos[v * 3 + 1]! + ty;
        const n = -(pos[v * 3 + 2]! + tz);
        const f = features.get(id) ?? { minUp: Infinity, maxUp: -Infinity, east: 0, north: 0, vertices: 0 };
        f.minUp = Math.min(f.minUp, up);
        f.maxUp = Math.max(f.maxUp, up);
        f.east += e;
        f.north += n;
        f.vertices++;
        features.set(id, f);
      }
      triangles += idx.length / 3;
      for (let t = 0; t < idx.length; t += 3) {
        const [a, b, c] = [idx[t]! * 3, idx[t + 1]! * 3, idx[t + 2]! * 3];
        // Cross product's y (up) component: positive for counter-clockwise faces seen from above.
        const ux = pos[b]! - pos[a]!;
        const uz = pos[b + 2]! - pos[a + 2]!;
        const vx = pos[c]! - pos[a]!;
        const vz = pos[c + 2]! - pos[a + 2]!;
        const cy = uz * vx - ux * vz;
        if (cy > 1e-9) upFacingArea += cy / 2;
      }
    }
  }
  for (const f of features.values()) {
    f.east /= f.vertices;
    f.north /= f.vertices;
  }
  return {
    extensionsUsed: root.listExtensionsUsed().map((e) => e.extensionName),
    classTypes,
    rows,
    features,
    primitives,
    triangles,
    upFacingArea,
  };
}
