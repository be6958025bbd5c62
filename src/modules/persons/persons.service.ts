// Changing a person's details, with optimistic concurrency: two people editing the same person
// cannot silently overwrite each other.
import type { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { NotFound, StaleVersion } from '../../platform/http/errors.js';
import { appendEvent } from '../timeline/timeline.js';
import { accessAudit, requirePersonWrite } from '../../platform/access/family-access.js';
import { onUniqueBsn, refreshFamilySearchText, refuseDuplicateBsn } from '../families/families.service.js';
import type { UpdatePersonBody } from './persons.contract.js';

export async function updatePerson(db: Database, actor: Actor, personId: string, body: z.infer<typeof UpdatePersonBody>) {
  return asActor(db, actor, (tx) =>
    onUniqueBsn(
      (async () => {
        const access = await requirePersonWrite(tx, actor, personId);
        const rows = await tx.query<{ version: number; bsn: string | null }>(
          `SELECT version, bsn FROM persons WHERE region_id = $1 AND id = $2 FOR UPDATE`,
          [actor.regionId, personId],
        );
        const current = rows[0];
        if (!current) throw new NotFound('person', personId);
        if (current.version !== body.version) throw new StaleVersion('person');
        if (body.bsn && body.bsn !== current.bsn) await refuseDuplicateBsn(tx, actor, body.bsn, 'bsn');
        const updated = await tx.query<{ version: number }>(
          `UPDATE persons SET bsn = $3, given_names = $4, family_name_prefix = $5, family_name = $6, birth_date = $7, gender = $8,
              street = $9, house_number = $10, postcode = $11, city = $12, phone = $13, version = version + 1
        WHERE region_id = $1 AND id = $2 AND version = $14 RETURNING version`,
          [
            actor.regionId,
            personId,
            body.bsn ?? null,
            body.givenNames,
            body.familyNamePrefix ?? null,
            body.familyName,
            body.birthDate ?? null,
            body.gender ?? null,
            body.street ?? null,
            body.houseNumber ?? null,
            body.postcode?.toUpperCase().replace(/^(\d{4})\s?/, '$1 ') ?? null,
            body.city ?? null,
            body.phone ?? null,
            body.version,
          ],
        );
        if (!updated[0]) throw new StaleVersion('person');
        const families = await tx.query<{ family_id: string }>(
          `SELECT family_id FROM family_members WHERE region_id = $1 AND person_id = $2`,
          [actor.regionId, personId],
        );
        for (const { family_id: familyId } of families) {
          await refreshFamilySearchText(tx, actor.regionId, familyId);
          await appendEvent(tx, actor, { familyId, kind: 'person_updated', params: { givenNames: body.givenNames } });
        }
        await recordAccess(tx, actor, {
          action: 'update',
          objectType: 'person',
          objectId: personId,
          personIds: [personId],
          ...accessAudit(access),
        });
        return { id: personId, version: updated[0].version };
      })(),
      'bsn',
    ),
  );
}
