// RFC 9457 problem+json as Regie answers every refusal: a Dutch and an English title and detail,
// a stable code, and the field it is about (src/platform/http/problem.ts writes it).
import { z } from 'zod';

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string(),
    titleEn: z.string(),
    detailEn: z.string(),
    field: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), detail: z.string(), detailEn: z.string() })).optional(),
  })
  .loose()
  .meta({ id: 'Problem' });

export type ProblemBody = z.infer<typeof Problem>;
