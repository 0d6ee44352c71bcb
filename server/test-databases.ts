/**
 * The databases the API tests run against: PGlite in memory always; PostgreSQL too when TEST_DATABASE_URL is set,
 * each run in a fresh schema that is dropped afterwards.
 */
import pg from 'pg';
import { openPglite, openPostgres, type Db } from './db.ts';

export interface TestDatabase {
  name: string;
  open(): Promise<{ db: Db; dispose(): Promise<void> }>;
}

export function testDatabases(): TestDatabase[] {
  const databases: TestDatabase[] = [
    {
      name: 'PGlite',
      async open() {
        const db = await openPglite();
        return { db, dispose: () => db.close() };
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    databases.push({
      name: 'PostgreSQL',
      async open() {
        const schema = `tweeling_test_${process.pid}_${Date.now()}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`CREATE SCHEMA ${schema}`);
        const db = await openPostgres(url, schema);
        return {
          db,
          async dispose() {
            await db.close();
            await admin.query(`DROP SCHEMA ${schema} CASCADE`);
            await admin.end();
          },
        };
      },
    });
  } else {
    console.log(
      'TEST_DATABASE_URL is not set: the participation API tests run against PGlite only, not PostgreSQL.',
    );
  }
  return databases;
}
