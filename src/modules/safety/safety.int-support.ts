// What the integration tests send to record a family network council (PUT /api/v1/cases/:id/council):
// safety.int.test.ts, plans.council-list-pdf.int.test.ts, plans.race.int.test.ts.
import type { z } from 'zod';
import type { CouncilBody } from './safety.contract.js';

type Council = z.input<typeof CouncilBody>;

/** A council body with every field empty (null) but the ones given. */
export const councilBody = (fields: Partial<Council>): Council => ({
  offeredOn: null,
  answer: null,
  declinedReason: null,
  answeredOn: null,
  metOn: null,
  safetyReason: null,
  ...fields,
});

/** The council offered, accepted and held on one day. */
export const councilMet = (day: string, version?: number): Council =>
  councilBody({ offeredOn: day, answer: 'accepted', answeredOn: day, metOn: day, ...(version === undefined ? {} : { version }) });
