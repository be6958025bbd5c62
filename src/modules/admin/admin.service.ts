// Use cases of functional administration for the region: the triage norms and front door
// (signal settings), and the organisations. THE place that decides what a valid setting is; the
// signals module only reads the result (signals.repo.ts signalSettings), so a new signal gets the
// new norms while deadlines already set stay as they were. Accounts: accounts.service.ts.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, DomainError, Invalid } from '../../platform/http/errors.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { DEFAULT_WORKING_DAYS } from '../signals/settings.js';
import { DEFAULT_HOLIDAY_RULES } from '../../platform/time/working-days.js';
import { HANDOVER_RECEIVERS, mayReceive } from '../handovers/handover-rules.js';
import {
  insertRegionSettings,
  lockOrganisationNames,
  organisationById,
  organisationNamed,
  organisations,
  professionals,
  regionSettingsRow,
  updateOrganisation,
  updateRegionSettings,
} from './admin.repo.js';
import { insertOrganisation } from './directory.js';
import {
  NORM_LIMITS,
  type OrganisationInput,
  type OrganisationListQuery,
  type OrganisationUpdate,
  type ProfessionalListQuery,
  type RegionSettingsBody,
} from './admin.contract.js';

const badCursor = () => new Invalid('invalid_cursor', 'cursor', { nl: 'Ongeldige paginacursor.', en: 'Invalid page cursor.' });

/** 409 for an edit based on a version that is no longer current; the Dutch names the object. */
export class StaleAdminVersion extends DomainError {
  constructor(nl: string, en: string) {
    super(
      409,
      'stale_version',
      { nl: 'Intussen gewijzigd', en: 'Changed in the meantime' },
      {
        nl: `Iemand anders heeft ${nl} intussen gewijzigd. Laad de nieuwste versie; uw invoer blijft staan.`,
        en: `Someone else changed ${en} in the meantime. Load the latest version; your input stays.`,
      },
      'version',
    );
  }
}

const notFound = (nl: string, en: string) => new DomainError(404, 'not_found', { nl: 'Niet gevonden', en: 'Not found' }, { nl, en });
export const organisationNotFound = () =>
  notFound('Deze organisatie bestaat niet in uw regio.', 'This organisation does not exist in your region.');

// ---- region settings ----------------------------------------------------------------------------

async function readSettings(tx: Tx, regionId: string) {
  const row = await regionSettingsRow(tx, regionId);
  const s = row ?? {
    workingDays: { ...DEFAULT_WORKING_DAYS },
    frontDoorOrganisation: null,
    liberationDay: DEFAULT_HOLIDAY_RULES.liberationDay,
    version: 0,
  };
  return {
    ...s,
    publicFormOpen: !!s.frontDoorOrganisation,
    saved: !!row,
    limits: { ...NORM_LIMITS },
    frontDoorTypes: [...HANDOVER_RECEIVERS.signal],
  };
}

export async function readRegionSettings(db: Database, actor: Actor) {
  return asActor(db, actor, (tx) => readSettings(tx, actor.regionId));
}

export async function saveRegionSettings(db: Database, actor: Actor, body: z.infer<typeof RegionSettingsBody>) {
  return asActor(db, actor, async (tx) => {
    const before = await readSettings(tx, actor.regionId);
    if (body.frontDoorOrganisationId) {
      const org = await organisationById(tx, actor.regionId, body.frontDoorOrganisationId);
      if (!org)
        throw new Invalid('unknown_organisation', 'frontDoorOrganisationId', {
          nl: 'Deze organisatie bestaat niet in uw regio.',
          en: 'This organisation does not exist in your region.',
        });
      // Concerns from the public land in the front door's triage list: it must be one that triages.
      if (!mayReceive('signal', org.type))
        throw new Invalid('front_door_type', 'frontDoorOrganisationId', {
          nl: 'De voordeur moet een organisatie zijn die meldingen trieert: een gemeentelijk team, Veilig Thuis of jeugdhulp.',
          en: 'The front door must be an organisation that triages signals: a municipal team, Veilig Thuis or youth care.',
        });
    }
    const next = {
      workingDays: body.workingDays,
      frontDoorOrganisationId: body.frontDoorOrganisationId,
      liberationDay: body.liberationDay ?? before.liberationDay,
    };
    const ok =
      body.version === 0
        ? await insertRegionSettings(tx, actor.regionId, next)
        : await updateRegionSettings(tx, actor.regionId, next, body.version);
    if (!ok) throw new StaleAdminVersion('de regio-instellingen', 'the region settings');
    const after = await readSettings(tx, actor.regionId);
    await recordAccess(tx, actor, {
      action: before.saved ? 'update' : 'create',
      objectType: 'region-settings',
      objectId: actor.regionId,
      reason: settingsChange(before, after),
    });
    return after;
  });
}

/** The audit row's reason: what changed, in numbers and ids (no names of people). */
function settingsChange(before: Awaited<ReturnType<typeof readSettings>>, after: Awaited<ReturnType<typeof readSettings>>): string {
  const parts: string[] = [];
  for (const u of ['acute', 'high', 'normal'] as const)
    if (before.workingDays[u] !== after.workingDays[u])
      parts.push(`triage ${u}: ${before.workingDays[u]} → ${after.workingDays[u]} working days`);
  const door = (s: typeof before) => s.frontDoorOrganisation?.id ?? 'closed';
  if (door(before) !== door(after)) parts.push(`front door: ${door(before)} → ${door(after)}`);
  if (before.liberationDay !== after.liberationDay) parts.push(`5 May day off: ${before.liberationDay} → ${after.liberationDay}`);
  return parts.join('; ') || 'saved without changes';
}

// ---- organisations ------------------------------------------------------------------------------

export async function listOrganisations(db: Database, actor: Actor, q: z.infer<typeof OrganisationListQuery>) {
  const limit = q.limit ?? 500;
  const after = decodeCursor(q.cursor);
  return asActor(db, actor, async (tx) => {
    const { rows, sortValues } = await organisations(tx, actor.regionId, { q: q.q, after, limit });
    return page(rows, sortValues, limit);
  });
}

export async function readOrganisation(db: Database, actor: Actor, organisationId: string) {
  return asActor(db, actor, async (tx) => {
    const org = await organisationById(tx, actor.regionId, organisationId);
    if (!org) throw organisationNotFound();
    return org;
  });
}

async function checkName(tx: Tx, actor: Actor, name: string, exceptId: string | null) {
  await lockOrganisationNames(tx, actor.regionId);
  if (await organisationNamed(tx, actor.regionId, name, exceptId))
    throw new Conflict(
      'organisation_exists',
      {
        nl: 'Er is al een organisatie met deze naam in uw regio.',
        en: 'There is an organisation with this name in your region already.',
      },
      'name',
    );
}

export async function createOrganisation(db: Database, actor: Actor, body: z.infer<typeof OrganisationInput>) {
  return asActor(db, actor, async (tx) => {
    await checkName(tx, actor, body.name, null);
    const id = randomUUID();
    await insertOrganisation(tx, actor.regionId, id, body);
    await recordAccess(tx, actor, {
      action: 'create',
      objectType: 'organisation',
      objectId: id,
      reason: `type ${body.type}; safety task ${body.safetyTask}`,
    });
    return (await organisationById(tx, actor.regionId, id))!;
  });
}

export async function changeOrganisation(db: Database, actor: Actor, organisationId: string, body: z.infer<typeof OrganisationUpdate>) {
  return asActor(db, actor, async (tx) => {
    const before = await organisationById(tx, actor.regionId, organisationId);
    if (!before) throw organisationNotFound();
    if (before.version !== body.version) throw new StaleAdminVersion('deze organisatie', 'this organisation');
    await checkName(tx, actor, body.name, organisationId);
    if (body.type !== before.type && !mayReceive('signal', body.type)) {
      const settings = await regionSettingsRow(tx, actor.regionId);
      if (settings?.frontDoorOrganisation?.id === organisationId)
        throw new Invalid('front_door_type', 'type', {
          nl: 'Deze organisatie is de voordeur voor online meldingen en moet meldingen kunnen triëren. Kies eerst een andere voordeur in de regio-instellingen.',
          en: 'This organisation is the front door for public concerns and must be able to triage signals. Choose another front door in the region settings first.',
        });
    }
    if (!(await updateOrganisation(tx, actor.regionId, organisationId, body, body.version)))
      throw new StaleAdminVersion('deze organisatie', 'this organisation');
    const changed = (['name', 'type', 'safetyTask'] as const).filter((k) => before[k] !== body[k]);
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'organisation',
      objectId: organisationId,
      reason: changed.length
        ? `changed: ${changed.map((k) => (k === 'name' ? 'name' : `${k} ${before[k]} → ${body[k]}`)).join('; ')}`
        : 'saved without changes',
    });
    return (await organisationById(tx, actor.regionId, organisationId))!;
  });
}

// ---- professionals (the pick list of coordinators and case-team members) ------------------------

const isStringPair = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every((s) => typeof s === 'string');

export async function listProfessionals(db: Database, actor: Actor, q: z.infer<typeof ProfessionalListQuery>) {
  const limit = q.limit ?? 500;
  let after: [string, string, string] | undefined;
  const raw = decodeCursor(q.cursor);
  if (raw) {
    // The sort value is [organisation name, display name], as JSON.
    let sort: unknown;
    try {
      sort = JSON.parse(raw[0]);
    } catch {
      throw badCursor();
    }
    if (!isStringPair(sort)) throw badCursor();
    after = [sort[0], sort[1], raw[1]];
  }
  return asActor(db, actor, async (tx) => {
    const rows = await professionals(tx, actor.regionId, { qualified: q.qualified === 'true', q: q.q || undefined, after, limit });
    return page(
      rows,
      rows.map((r) => JSON.stringify([r.organisationName, r.displayName])),
      limit,
    );
  });
}
