/**
 * Applies `server/migrations/NNNN_name.sql` in order, each once, each in its own transaction, and records it in
 * `schema_migrations`. The same files run on PGlite and PostgreSQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db.ts';

const migrationsDir = path.join(import.meta.dirname, 'migrations');

export function migrationFiles(dir = migrationsDir): string[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort();
}

/** Returns the versions it applied (empty when the database was up to date). */
export async function migrate(db: Db, dir = migrationsDir): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: string[] = [];
  for (const file of migrationFiles(dir)) {
    const version = file.replace(/\.sql$/, '');
    const script = readFileSync(path.join(dir, file), 'utf8');
    const done = await db.transaction(async (tx) => {
      // Two servers starting at once against one PostgreSQL: the lock makes the second wait, then skip.
      if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7716)');
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version]);
      if (seen.length > 0) return false;
      for (const statement of splitStatements(script)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      return true;
    });
    if (done) applied.push(version);
  }
  return applied;
}

/**
 * Splits a migration into statements at semicolons that end a line. Our migrations hold no functions or
 * string literals spanning `;\n`, so this is enough; it lets each statement run inside the transaction.
 */
export function splitStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
