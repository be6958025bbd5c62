// API schema of a new region (POST /api/v1/regions; the same checks for `regie region add`):
// the region, its first organisation and its first functional administrator. The organisation
// and account fields are the ones the functional administrator's own screens check.
import { z } from 'zod';
import { msg } from '../../shared/contract/primitives.js';
import { CreateAccountBody, OrganisationInput } from '../admin/admin.contract.js';

export const CreateRegionBody = z.strictObject({
  id: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z][a-z0-9-]{1,39}$/,
      msg(
        'Een regiocode heeft 2 tot 40 tekens: kleine letters, cijfers of streepje, en begint met een letter.',
        'A region code has 2 to 40 characters: lower-case letters, digits or hyphen, starting with a letter.',
      ),
    ),
  name: z
    .string()
    .trim()
    .min(1, msg('Vul de naam van de regio in.', 'Enter the name of the region.'))
    .max(100, msg('Maximaal 100 tekens.', 'At most 100 characters.')),
  organisation: OrganisationInput.pick({ name: true, type: true }),
  admin: CreateAccountBody.pick({ username: true, displayName: true, email: true }),
});

export const RegionCreated = z.object({
  region: z.object({ id: z.string(), name: z.string() }),
  organisation: z.object({ id: z.string(), name: z.string(), type: z.string() }),
  admin: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
  /** Shown once: it works for one login, after which the administrator chooses their own and links an authenticator app. */
  initialPassword: z.string(),
});

export const RegionList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string() })) });
