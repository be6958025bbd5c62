// API schemas for the NEN 7513 audit log as the privacy officer reads it, its verification,
// and a person's access log ("who looked at my data").
import { z } from 'zod';
import { IsoDate, Bsn, Uuid, msg } from '../../shared/contract/primitives.js';

const Day = IsoDate;
export const AuditAction = z.enum(['create', 'read', 'update', 'delete', 'export']);
export const AuditOutcome = z.enum(['allowed', 'denied']);
const Cursor = z.string().max(500).optional();

export const AuditEventQuery = z
  .strictObject({
    personId: Uuid.optional(),
    bsn: Bsn.optional(),
    userId: Uuid.optional(),
    organisationId: Uuid.optional(),
    from: Day.optional(),
    to: Day.optional(),
    action: AuditAction.optional(),
    outcome: AuditOutcome.optional(),
    cursor: Cursor,
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: msg('De einddatum ligt vóór de begindatum.', 'The end date is before the start date.'),
  });

const Ref = z.object({ id: z.string(), name: z.string().nullable() });

export const AuditEvent = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  action: AuditAction,
  user: Ref.nullable(),
  role: z.string().nullable(),
  organisation: Ref.nullable(),
  /** Usually the organisation itself; otherwise the organisation or text it acted for. */
  onBehalfOf: Ref.nullable(),
  person: z.object({ id: z.string(), fullName: z.string().nullable() }).nullable(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  legalBasis: z.string().nullable(),
  flags: z.object({ careRelation: z.boolean(), consent: z.boolean(), breakGlass: z.boolean() }),
  outcome: AuditOutcome,
  reason: z.string().nullable(),
});
export const AuditEventList = z.object({ items: z.array(AuditEvent), nextCursor: z.string().nullable() });

export const Verification = z.object({
  regionId: z.string(),
  chain: z.string(),
  ok: z.boolean(),
  rows: z.number().int(),
  /** How many hash chains (stripes) the region's log has; every one was walked. */
  stripes: z.number().int(),
  seconds: z.number(),
  /** `stripe` names the chain, `seq` the place in it. */
  problems: z.array(
    z.object({
      stripe: z.number().int(),
      seq: z.number().int(),
      problem: z.enum(['changed', 'missing', 'inserted', 'head-mismatch', 'truncated', 'rewritten', 'checkpoint-invalid']),
      detail: z.string(),
    }),
  ),
  /**
   * The signed checkpoints (kept outside the database) the chains were compared with: how many
   * chains, how many rows they anchor together (seq), the oldest one's time; null before the first.
   */
  checkpoint: z.object({ seq: z.number().int(), at: z.string(), chains: z.number().int() }).nullable(),
});

export const PersonParams = z.strictObject({ personId: Uuid });
export const AccessLogQuery = z.strictObject({ cursor: Cursor, limit: z.coerce.number().int().min(1).max(200).optional() });

export const AccessLogEntry = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  user: Ref.nullable(),
  organisation: Ref.nullable(),
  onBehalfOf: Ref.nullable(),
  role: z.string().nullable(),
  action: AuditAction,
  objectType: z.string(),
  legalBasis: z.string().nullable(),
  breakGlass: z.boolean(),
  reason: z.string().nullable(),
  outcome: AuditOutcome,
});
export const AccessLog = z.object({
  person: z.object({ id: z.string(), fullName: z.string() }),
  items: z.array(AccessLogEntry),
  nextCursor: z.string().nullable(),
});

export const PersonLookupQuery = z.strictObject({ bsn: Bsn });
export const PersonLookup = z.object({
  items: z.array(z.object({ id: z.string(), fullName: z.string(), birthDate: z.string().nullable() })),
});
