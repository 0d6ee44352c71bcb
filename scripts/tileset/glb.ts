/**
 * Writes one tile's buildings as a binary glTF with EXT_mesh_features (per-vertex `_FEATURE_ID_0`) and
 * EXT_structural_metadata (one property table of class `building`), which is what CesiumJS needs to pick
 * a building and read its 3DBAG-style properties.
 */
import { Document, NodeIO, type Accessor, type Material } from '@gltf-transform/core';
import { EXTMeshFeatures, EXTStructuralMetadata } from '@gltf-transform/extensions';
import { addBuilding, MeshBuilder, type P2 } from './mesh.ts';
import { CLASS_NAME, COLUMNS, NO_DATA_FLOAT, NO_DATA_INT, SCHEMA_ID, type BuildingColumn } from './schema.ts';

export interface TileBuilding {
  /** Rings in metres relative to the tileset origin (east, north); outer CCW, holes CW. */
  polygons: P2[][][];
  height: number;
  pitched: boolean;
  landmark: boolean;
  values: Record<BuildingColumn, string | number | null>;
}

export interface GlbResult {
  bytes: Uint8Array;
  triangles: number;
  vertices: number;
  /** Axis-aligned extent of the geometry, in tileset-local ENU (east, north, up). */
  min: [number, number, number];
  max: [number, number, number];
}

/** Neutral light grey-beige for buildings; landmarks slightly warmer so they read as special. */
const BUILDING_COLOUR: [number, number, number, number] = [0.8, 0.77, 0.71, 1];
const LANDMARK_COLOUR: [number, number, number, number] = [0.86, 0.76, 0.62, 1];

export function createIO(): NodeIO {
  return new NodeIO().registerExtensions([EXTMeshFeatures, EXTStructuralMetadata]);
}

const encoder = new TextEncoder();

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function column(
  buildings: TileBuilding[],
  name: BuildingColumn,
  type: string,
): { values: Uint8Array; offsets?: Uint8Array } {
  if (type === 'STRING') {
    const parts = buildings.map((b) => encoder.encode(String(b.values[name] ?? '')));
    const offsets = new Uint32Array(parts.length + 1);
    parts.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.length));
    const values = new Uint8Array(offsets[parts.length]!);
    parts.forEach((p, i) => values.set(p, offsets[i]!));
    return { values, offsets: bytesOf(offsets) };
  }
  const raw = buildings.map((b) => b.values[name]);
  if (type === 'INT16') {
    return { values: bytesOf(Int16Array.from(raw, (v) => (typeof v === 'number' ? v : NO_DATA_INT))) };
  }
  return { values: bytesOf(Float32Array.from(raw, (v) => (typeof v === 'number' ? v : NO_DATA_FLOAT))) };
}

/** `center` is the tile's content origin (east, north) in metres; vertices are stored relative to it. */
export async function writeTileGlb(buildings: TileBuilding[], center: P2, io: NodeIO): Promise<GlbResult> {
  const doc = new Document();
  doc.getRoot().getAsset().generator = 'Tweeling scripts/tileset (glTF-Transform)';
  const buffer = doc.createBuffer();
  const meta = doc.createExtension(EXTStructuralMetadata);
  const features = doc.createExtension(EXTMeshFeatures);

  const schema = meta.createSchema().setId(SCHEMA_ID);
  const cls = meta.createClass().setName('Building');
  schema.setClass(CLASS_NAME, cls);
  const table = meta.createPropertyTable().setClass(CLASS_NAME).setCount(buildings.length);
  for (const c of COLUMNS) {
    const prop = meta.createClassProperty().setDescription(c.description);
    if (c.type === 'STRING') prop.setType('STRING');
    else prop.setType('SCALAR').setComponentType(c.type);
    if (c.noData !== undefined) prop.setNoData(c.noData);
    cls.setProperty(c.name, prop);
    const { values, offsets } = column(buildings, c.name, c.type);
    const tp = meta.createPropertyTableProperty().setValues(values);
    if (offsets) tp.setStringOffsets(offsets).setStringOffsetType('UINT32');
    table.setProperty(c.name, tp);
  }
  doc
    .getRoot()
    .setExtension(
      'EXT_structural_metadata',
      meta.createStructuralMetadata().setSchema(schema).addPropertyTable(table),
    );

  // Two primitives (ordinary / landmark) so landmarks can carry their own tone; ids index the same table.
  const groups = [new MeshBuilder(), new MeshBuilder()];
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  buildings.forEach((b, id) => {
    const local = b.polygons.map((rings) =>
      rings.map((ring) =>
        ring.map((p): P2 => {
          min[0] = Math.min(min[0], p[0]);
          min[1] = Math.min(min[1], p[1]);
          max[0] = Math.max(max[0], p[0]);
          max[1] = Math.max(max[1], p[1]);
          return [p[0] - center[0], p[1] - center[1]];
        }),
      ),
    );
    min[2] = 0;
    max[2] = Math.max(max[2], b.height);
    addBuilding(groups[b.landmark ? 1 : 0]!, local, b.height, b.pitched, id);
  });

  const mesh = doc.createMesh('buildings');
  const material = (i: number): Material =>
    i === 0
      ? doc
          .createMaterial('building')
          .setBaseColorFactor(BUILDING_COLOUR)
          .setMetallicFactor(0)
          .setRoughnessFactor(0.9)
      : doc
          .createMaterial('landmark')
          .setBaseColorFactor(LANDMARK_COLOUR)
          .setMetallicFactor(0)
          .setRoughnessFactor(0.85);
  let triangles = 0;
  let vertices = 0;
  groups.forEach((g, i) => {
    if (g.vertexCount === 0) return;
    triangles += g.triangleCount;
    vertices += g.vertexCount;
    const acc = (type: 'SCALAR' | 'VEC3', array: Float32Array | Uint16Array | Uint32Array): Accessor =>
      doc.createAccessor().setBuffer(buffer).setType(type).setArray(array);
    const ids = g.featureIds;
    const prim = doc
      .createPrimitive()
      .setAttribute('POSITION', acc('VEC3', Float32Array.from(g.positions)))
      .setAttribute('NORMAL', acc('VEC3', Float32Array.from(g.normals)))
      .setAttribute(
        '_FEATURE_ID_0',
        acc('SCALAR', buildings.length < 65536 ? Uint16Array.from(ids) : Float32Array.from(ids)),
      )
      .setIndices(
        acc('SCALAR', g.vertexCount < 65536 ? Uint16Array.from(g.indices) : Uint32Array.from(g.indices)),
      )
      .setMaterial(material(i));
    const featureCount = new Set(ids).size;
    const fid = features
      .createFeatureID()
      .setFeatureCount(featureCount)
      .setAttribute(0)
      .setPropertyTable(table);
    prim.setExtension('EXT_mesh_features', features.createFeatures().addFeatureID(fid));
    mesh.addPrimitive(prim);
  });

  // Per-tile RTC: the node translation carries the tile origin so vertices stay small (float32 ≪ 1 cm).
  const node = doc.createNode('tile').setMesh(mesh).setTranslation([center[0], 0, -center[1]]);
  doc.getRoot().setDefaultScene(doc.createScene('tile').addChild(node));
  const bytes = await io.writeBinary(doc);
  return { bytes, triangles, vertices, min, max };
}
