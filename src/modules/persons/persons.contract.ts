import { z } from 'zod';
import { PersonInput, Uuid } from '../families/families.contract.js';

export const PersonParams = z.strictObject({ personId: Uuid });
/** The whole editable record plus the version it was based on: a stale version is refused. */
export const UpdatePersonBody = PersonInput.extend({ version: z.number().int().min(1) });
export const PersonVersion = z.object({ id: z.string(), version: z.number() });
