// SQL for break the glass. Runs inside an actor's transaction; the family lookup and the
// reviewer's view of the family go through SECURITY DEFINER functions in
// migrations/0010_break_glass_lookup.sql, everything else is subject to row-level security.
import type { z } from 'zod';
import type { Tx } from '../../platform/db/db.js';
import { oneRow } from '../../platform/db/rows.js';
import { BREAK_GLASS_MINUTES } from '../../platform/access/policy.js';
import type { OwnGrant, ReviewItem } from './breakglass.contract.js';

const iso = (v: unknown) => new Date(v as string).toISOString();
/** Full-precision UTC text of a timestamp, so that a cursor loses no microseconds. */
const UTC_TEXT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

export async function familyForBreakGlass(tx: Tx, regionId: string, target: { bsn?: string; familyId?: string }): Promise<string | null> {
  const rows = await tx.query<{ id: string | null }>(`SELECT regie.family_for_break_glass($1, $2, $3) AS id`, [
    regionId,
    target.bsn ?? null,
    target.familyId ?? null,
  ]);
  return rows[0]?.id ?? null;
}

export async function insertGrant(
  tx: Tx,
  g: { regionId: string; id: string; userId: string; organisationId: string; familyId: string; reason: string },
) {
  const rows = await tx.query<{ expires_at: string }>(
    `INSERT INTO break_glass (region_id, id, user_id, organisation_id, family_id, reason, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7)) RETURNING expires_at`,
    [g.regionId, g.id, g.userId, g.organisationId, g.familyId, g.reason, BREAK_GLASS_MINUTES],
  );
  return iso(oneRow(rows, 'break-glass grant').expires_at);
}

export async function openCaseId(tx: Tx, regionId: string, familyId: string): Promise<string | null> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM cases WHERE region_id = $1 AND family_id = $2 AND status <> 'closed' LIMIT 1`,
    [regionId, familyId],
  );
  return rows[0]?.id ?? null;
}

function review(r: Record<string, any>) {
  return r.reviewed_at
    ? {
        outcome: r.review_outcome,
        note: r.review_note,
        reviewedAt: iso(r.reviewed_at),
        reviewedBy: { id: r.reviewed_by, name: r.reviewer_name ?? null },
      }
    : null;
}

/** The actor's own grants, active ones first; the family name only while the family is visible. */
export async function ownGrants(tx: Tx, regionId: string, userId: string): Promise<z.infer<typeof OwnGrant>[]> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT b.id, b.family_id, f.name AS family_name, b.reason, b.started_at, b.expires_at, b.expires_at > now() AS active,
            b.reviewed_at, b.reviewed_by, r.display_name AS reviewer_name, b.review_outcome, b.review_note
       FROM break_glass b
       LEFT JOIN families f ON f.region_id = b.region_id AND f.id = b.family_id
       LEFT JOIN users r ON r.region_id = b.region_id AND r.id = b.reviewed_by
      WHERE b.region_id = $1 AND b.user_id = $2
      ORDER BY b.expires_at > now() DESC, b.started_at DESC, b.id
      LIMIT 100`,
    [regionId, userId],
  );
  return rows.map((r) => ({
    id: r.id,
    familyId: r.family_id,
    familyName: r.family_name ?? null,
    reason: r.reason,
    startedAt: iso(r.started_at),
    expiresAt: iso(r.expires_at),
    active: r.active,
    review: review(r),
  }));
}

export type ReviewRow = z.infer<typeof ReviewItem> & { personIds: string[] };

/** Grants for the privacy officer, newest first; keyset-paged on (started_at, id). */
export async function grantsForReview(
  tx: Tx,
  regionId: string,
  o: { id?: string; status?: 'open' | 'reviewed'; after?: [string, string]; limit: number },
): Promise<{ rows: ReviewRow[]; sortValues: string[] }> {
  const rows = await tx.query<Record<string, any>>(
    `WITH page AS (
       SELECT b.* FROM break_glass b
        WHERE b.region_id = $1
          AND ($2::uuid IS NULL OR b.id = $2)
          AND ($3::text IS NULL OR ($3 = 'open') = (b.reviewed_at IS NULL))
          AND ($4::timestamptz IS NULL OR (b.started_at, b.id) < ($4::timestamptz, $5::uuid))
        ORDER BY b.started_at DESC, b.id DESC
        LIMIT $6)
     SELECT p.id, p.user_id, u.display_name AS user_name, p.organisation_id, o.name AS organisation_name, p.family_id,
            bf.family_name, bf.person_ids, p.reason, p.started_at, p.expires_at, p.expires_at > now() AS active,
            p.reviewed_at, p.reviewed_by, r.display_name AS reviewer_name, p.review_outcome, p.review_note,
            to_char(p.started_at AT TIME ZONE 'UTC', ${UTC_TEXT}) AS sort_value
       FROM page p
       LEFT JOIN users u ON u.region_id = p.region_id AND u.id = p.user_id
       LEFT JOIN organisations o ON o.region_id = p.region_id AND o.id = p.organisation_id
       LEFT JOIN users r ON r.region_id = p.region_id AND r.id = p.reviewed_by
       LEFT JOIN LATERAL regie.break_glass_family(p.region_id, p.family_id) bf ON true
      ORDER BY p.started_at DESC, p.id DESC`,
    [regionId, o.id ?? null, o.status ?? null, o.after?.[0] ?? null, o.after?.[1] ?? null, o.limit + 1],
  );
  return {
    rows: rows.map((r) => ({
      id: r.id,
      user: { id: r.user_id, name: r.user_name ?? null },
      organisation: { id: r.organisation_id, name: r.organisation_name ?? null },
      family: { id: r.family_id, name: r.family_name ?? null },
      reason: r.reason,
      startedAt: iso(r.started_at),
      expiresAt: iso(r.expires_at),
      active: r.active,
      review: review(r),
      personIds: r.person_ids ?? [],
    })),
    sortValues: rows.map((r) => String(r.sort_value)),
  };
}

/** Sets the review once; returns null when the grant does not exist or was reviewed already. */
export async function setReview(tx: Tx, regionId: string, id: string, r: { reviewedBy: string; outcome: string; note?: string }) {
  const rows = await tx.query<{ id: string }>(
    `UPDATE break_glass SET reviewed_at = now(), reviewed_by = $3, review_outcome = $4, review_note = $5
      WHERE region_id = $1 AND id = $2 AND reviewed_at IS NULL RETURNING id`,
    [regionId, id, r.reviewedBy, r.outcome, r.note ?? null],
  );
  return rows[0]?.id ?? null;
}

export async function grantExists(tx: Tx, regionId: string, id: string): Promise<boolean> {
  return (await grantUser(tx, regionId, id)) !== null;
}

/** Who used the grant (null when the actor cannot see it). */
export async function grantUser(tx: Tx, regionId: string, id: string): Promise<string | null> {
  const rows = await tx.query<{ user_id: string }>(`SELECT user_id FROM break_glass WHERE region_id = $1 AND id = $2`, [regionId, id]);
  return rows[0]?.user_id ?? null;
}
