/**
 * The metadata schema shared by tileset.json and every glb: class `building` with 3DBAG's property names.
 * Absent values use `noData` sentinels so real exports with gaps still fit the fixed column types.
 */
export type ColumnType = 'STRING' | 'INT16' | 'FLOAT32';

export interface ColumnSpec {
  name: BuildingColumn;
  type: ColumnType;
  description: string;
  noData?: number;
}

export type BuildingColumn =
  | 'identificatie'
  | 'oorspronkelijkbouwjaar'
  | 'b3_h_maaiveld'
  | 'b3_h_nok'
  | 'b3_dak_type'
  | 'b3_bouwlagen'
  | 'naam';

export const SCHEMA_ID = 'tweeling_buildings';
export const CLASS_NAME = 'building';
export const NO_DATA_INT = -1;
export const NO_DATA_FLOAT = -9999;

export const COLUMNS: ColumnSpec[] = [
  {
    name: 'identificatie',
    type: 'STRING',
    description: 'Building id (BAG pand id, or sample.pand.* in the sample)',
  },
  {
    name: 'oorspronkelijkbouwjaar',
    type: 'INT16',
    description: 'Original year of construction',
    noData: NO_DATA_INT,
  },
  {
    name: 'b3_h_maaiveld',
    type: 'FLOAT32',
    description: 'Ground level, metres NAP',
    noData: NO_DATA_FLOAT,
  },
  {
    name: 'b3_h_nok',
    type: 'FLOAT32',
    description: 'Ridge (highest) height, metres NAP',
    noData: NO_DATA_FLOAT,
  },
  { name: 'b3_dak_type', type: 'STRING', description: 'Roof type (3DBAG vocabulary)' },
  { name: 'b3_bouwlagen', type: 'INT16', description: 'Number of storeys', noData: NO_DATA_INT },
  { name: 'naam', type: 'STRING', description: 'Name (landmarks only)' },
];

/** The schema object as written into tileset.json (3D Tiles 1.1 metadata schema). */
export function tilesetSchema(): object {
  const properties: Record<string, object> = {};
  for (const c of COLUMNS) {
    properties[c.name] =
      c.type === 'STRING'
        ? { type: 'STRING', description: c.description }
        : {
            type: 'SCALAR',
            componentType: c.type,
            description: c.description,
            ...(c.noData !== undefined ? { noData: c.noData } : {}),
          };
  }
  return { id: SCHEMA_ID, classes: { [CLASS_NAME]: { name: 'Building', properties } } };
}
