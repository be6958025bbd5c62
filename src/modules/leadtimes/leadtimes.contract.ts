// API schemas for lead times (doorlooptijden) of the chain: per case and per organisation.
import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from '../../shared/contract/primitives.js';

export const MomentName = z.enum(['received', 'triaged', 'handed_over', 'accepted', 'first_contact', 'plan_agreed', 'case_opened']);

export const CaseParams = z.strictObject({ caseId: Uuid });

export const RecordMomentBody = z.strictObject({
  moment: z.enum(['first_contact', 'plan_agreed']),
  occurredAt: IsoDateTime.optional(),
});

export const RecordedMoment = z.object({ moment: MomentName, occurredAt: z.string() });

export const CaseLeadTimes = z.object({
  caseId: z.string(),
  familyId: z.string(),
  moments: z.array(z.object({ moment: MomentName, occurredAt: z.string(), organisationId: z.string(), organisationName: z.string() })),
  intervals: z.array(z.object({ from: MomentName, to: MomentName, days: z.number().nullable() })),
});

export const OrganisationLeadTimesQuery = z.strictObject({
  organisationId: Uuid.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const OrganisationLeadTimes = z.object({
  organisation: z.object({ id: z.string(), name: z.string(), type: z.string() }),
  from: z.iso.date(),
  to: z.iso.date(),
  intervals: z.array(
    z.object({
      from: MomentName,
      to: MomentName,
      count: z.number().int(),
      medianDays: z.number().nullable(),
      p90Days: z.number().nullable(),
    }),
  ),
});
