/**
 * The retention rule: once a plan has been closed longer than its retention period, the link between what was
 * said and who said it is removed. Comments, votes and counts stay (they are the result); display names,
 * session tokens and participant ids go. Like OpenStad, which anonymises users 60 days after a project ends.
 */
import type { Db } from './db.ts';

const DAY_MS = 86_400_000;

/** Anonymises every plan due at `now`; returns their ids. Safe to run often: a plan is done once. */
export async function anonymiseExpiredPlans(db: Db, now: Date): Promise<number[]> {
  const due = await db.query<{ id: number; closes_at: Date; retention_days: number }>(
    `SELECT id, closes_at, retention_days FROM projects
     WHERE closes_at IS NOT NULL AND anonymised_at IS NULL AND closes_at <= $1 ORDER BY id`,
    [now],
  );
  const anonymised: number[] = [];
  for (const plan of due) {
    if (new Date(plan.closes_at).getTime() + plan.retention_days * DAY_MS > now.getTime()) continue;
    await db.transaction(async (tx) => {
      await tx.query('UPDATE comments SET display_name = NULL, participant_id = NULL WHERE project_id = $1', [
        plan.id,
      ]);
      await tx.query('UPDATE votes SET participant_id = NULL WHERE project_id = $1', [plan.id]);
      await tx.query(
        `UPDATE agreements SET participant_id = NULL
         WHERE comment_id IN (SELECT id FROM comments WHERE project_id = $1)`,
        [plan.id],
      );
      await tx.query(
        `UPDATE audit_log SET actor = 'participant (anonymised)' WHERE project_id = $1 AND actor LIKE 'participant:%'`,
        [plan.id],
      );
      await tx.query('DELETE FROM participants WHERE project_id = $1', [plan.id]);
      await tx.query('UPDATE projects SET anonymised_at = $2 WHERE id = $1', [plan.id, now]);
      await tx.query(
        `INSERT INTO audit_log (project_id, actor, action, created_at) VALUES ($1, 'system', 'retention.anonymised', $2)`,
        [plan.id, now],
      );
    });
    anonymised.push(plan.id);
  }
  return anonymised;
}
