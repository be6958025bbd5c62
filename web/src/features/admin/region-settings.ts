// The region settings form without a screen: its draft from the saved settings, the request body
// from the draft, and which organisations may be the front door.
import type { ApiBody } from '../../api.js';
import type { LiberationDay, Organisation, RegionSettings, Urgency } from './texts.js';

export const URGENCIES: Urgency[] = ['acute', 'high', 'normal'];

/** The form's draft: the working days as typed, the front door's id ('' for none). */
export interface SettingsDraft {
  acute: string;
  high: string;
  normal: string;
  frontDoor: string;
  liberationDay?: LiberationDay;
}

export const toDraft = (s: RegionSettings): SettingsDraft => ({
  acute: String(s.workingDays.acute),
  high: String(s.workingDays.high),
  normal: String(s.workingDays.normal),
  frontDoor: s.frontDoorOrganisation?.id ?? '',
  liberationDay: s.liberationDay,
});

/** A typed number; an empty field is left out, so the server names the field. */
const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** PUT /api/v1/region-settings on the version the form is based on. */
export const settingsBody = (d: SettingsDraft, base: RegionSettings) =>
  ({
    workingDays: { acute: num(d.acute), high: num(d.high), normal: num(d.normal) },
    frontDoorOrganisationId: d.frontDoor || null,
    liberationDay: d.liberationDay ?? base.liberationDay,
    version: base.version,
  }) satisfies ApiBody<'PUT', '/api/v1/region-settings'>;

/** The organisations that may be the front door; the current one stays even if its type no longer fits, so the form shows the truth. */
export const frontDoors = (orgs: Organisation[], base: RegionSettings) =>
  orgs.filter((o) => base.frontDoorTypes.includes(o.type) || o.id === base.frontDoorOrganisation?.id);
