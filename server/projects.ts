/** Creating plans, moderators and voting codes: used by the seed, by tests and (later) by an admin endpoint. */
import type { Db, Queryable } from './db.ts';
import { isUniqueViolation } from './db.ts';
import { projectInputSchema, type ProjectInput } from './schemas.ts';
import { hashToken, newShortCode, newToken, normaliseCode } from './tokens.ts';

export interface CreatedProject {
  id: number;
  joinCode: string;
  resourceIds: number[];
}

const JOIN_CODE_LENGTH = 6;

/** Validates `input` (throws a ZodError when it is not a valid plan) and stores it with a fresh join code. */
export async function createProject(db: Db, input: ProjectInput): Promise<CreatedProject> {
  const plan = projectInputSchema.parse(input);
  // 31^6 ≈ 900 million codes: a collision is rare, but retry rather than fail.
  for (let attempt = 0; ; attempt++) {
    const joinCode = newShortCode(JOIN_CODE_LENGTH);
    try {
      return await db.transaction(async (tx) => {
        const [project] = await tx.query<{ id: number }>(
          `INSERT INTO projects (title_nl, title_en, text_nl, text_en, area, tour, moderation, vote_visibility,
             opens_at, closes_at, retention_days, join_code)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [
            plan.title.nl,
            plan.title.en,
            plan.text.nl,
            plan.text.en,
            JSON.stringify(plan.area),
            JSON.stringify(plan.tour),
            plan.settings.moderation,
            plan.settings.voteVisibility,
            plan.settings.opensAt,
            plan.settings.closesAt,
            plan.settings.retentionDays,
            joinCode,
          ],
        );
        const resourceIds: number[] = [];
        for (const [order, resource] of plan.resources.entries()) {
          const [row] = await tx.query<{ id: number }>(
            `INSERT INTO resources (project_id, title_nl, title_en, summary_nl, summary_en, scenario_id, sort_order)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
            [
              project!.id,
              resource.title.nl,
              resource.title.en,
              resource.summary.nl,
              resource.summary.en,
              resource.scenarioId,
              order,
            ],
          );
          resourceIds.push(row!.id);
        }
        return { id: project!.id, joinCode, resourceIds };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

/** Adds a moderator and returns their token: shown once, stored only as a hash. */
export async function createModerator(db: Queryable, name: string): Promise<string> {
  const token = newToken();
  await db.query('INSERT INTO moderators (name, token_hash) VALUES ($1, $2)', [name, hashToken(token)]);
  return token;
}

/**
 * Adds a moderator with a token chosen outside (a deployment's secret store, or the browser tests), once:
 * a token already known is left as it is. The token must look like a bearer token (16–128 of A–Z a–z 0–9 _ -).
 */
export async function ensureModerator(db: Queryable, name: string, token: string): Promise<void> {
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token))
    throw new Error('A moderator token must be 16 to 128 characters of A-Z, a-z, 0-9, _ and -.');
  await db.query(
    'INSERT INTO moderators (name, token_hash) VALUES ($1, $2) ON CONFLICT (token_hash) DO NOTHING',
    [name, hashToken(token)],
  );
}

/** Makes `count` paper voting codes like `K7QM2-XW9RA` for a plan; returns them once, stores only hashes. */
export async function createVotingCodes(db: Queryable, projectId: number, count: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const raw = newShortCode(10);
    codes.push(`${raw.slice(0, 5)}-${raw.slice(5)}`);
  }
  // 31^10 ≈ 8·10^14 codes: a collision would make the insert fail loudly, not hand out a shared code.
  await db.query('INSERT INTO voting_codes (project_id, code_hash) SELECT $1, unnest($2::text[])', [
    projectId,
    codes.map((code) => hashToken(normaliseCode(code))),
  ]);
  return codes;
}
