// Migrations 0270–0273 turn the stored Dutch sentences of timeline events and notifications into
// kinds and parameters: a database as it was before them, with rows as the code of that time
// wrote them, is migrated, and every row then renders as it read before (in Dutch) and in English.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../../platform/db/db.js';
import { migrate, migrateBefore } from '../../platform/db/migrate.js';
import { createOrganisation, createRegion, createUser } from '../../../test/support/factory.js';
import { renderNotification, renderTimeline } from '../../shared/events/server-i18n.js';

let db: Database;
let region: string;
let familyId: string;
let userId: string;
let orgId: string;

/** Sentences (and data) as written before 0270, with the sentence they must still read as. */
const OLD_EVENTS: Array<{ type: string; data: Record<string, unknown>; kind: string; nl?: string }> = [
  { type: 'family_registered', data: { summary: 'Gezin Jansen geregistreerd met 3 gezinsleden' }, kind: 'family_registered' },
  {
    type: 'family_registered',
    data: { summary: 'Gezin Jansen geregistreerd met 2 gezinsleden na triage van melding M-2026-0012', signalId: randomUUID() },
    kind: 'family_registered_after_triage',
  },
  {
    type: 'case_opened',
    data: { summary: 'Dossier geopend na overdracht van Veilig Thuis (regio Zeeland)', handoverId: randomUUID() },
    kind: 'case_opened_after_handover',
  },
  {
    type: 'coordinator_assigned',
    data: { summary: 'Regisseur toegewezen: Anna de Vries', to: randomUUID() },
    kind: 'coordinator_assigned',
  },
  {
    type: 'case_status_changed',
    data: { summary: 'Fase gewijzigd: verkenning → plan', from: 'exploring', to: 'plan' },
    kind: 'case_status_changed',
  },
  {
    type: 'case_status_changed',
    data: { summary: 'Fase gewijzigd: uitvoering → afgesloten (doelen bereikt)', from: 'executing', to: 'closed' },
    kind: 'case_closed',
  },
  {
    type: 'team_member_added',
    data: { summary: 'Bert Smit toegevoegd aan het casusteam vanaf 10-12-2026', startsOn: '2026-12-10' },
    kind: 'team_member_added',
    nl: 'Bert Smit toegevoegd aan het casusteam vanaf 10 december 2026',
  },
  {
    type: 'team_member_basis_changed',
    data: { summary: 'Grondslag van Bert Smit: toestemming → veiligheid', from: 'consent', to: 'safety' },
    kind: 'team_member_basis_changed',
  },
  { type: 'team_member_ended', data: { summary: 'Bert Smit uit het casusteam (klaar)' }, kind: 'team_member_ended' },
  {
    type: 'coordinator_transferred',
    data: { summary: 'Regie overgedragen aan Carla Bos (verlof)', from: null, to: randomUUID() },
    kind: 'coordinator_transferred',
  },
  {
    type: 'break_glass_opened',
    data: { summary: 'Noodtoegang gebruikt voor 60 minuten, tot 14:05', expiresAt: '2026-12-04T13:05:00.000Z' },
    kind: 'break_glass_opened',
  },
  {
    type: 'signal_linked',
    data: { summary: 'Melding M-2026-0003 gekoppeld aan het dossier (zelfde gezin als melding M-2026-0002)' },
    kind: 'signal_linked_same_family',
  },
  {
    type: 'signal_triaged',
    data: { summary: 'Melding M-2026-0003 getrieerd: dossier geopend', decision: 'open_case' },
    kind: 'signal_triaged',
  },
  {
    type: 'handover_sent',
    data: { summary: 'Overdracht aan GI Zeeland verstuurd; antwoord uiterlijk 2026-12-18' },
    kind: 'handover_sent',
    nl: 'Overdracht aan GI Zeeland verstuurd; antwoord uiterlijk 18 december 2026',
  },
  {
    type: 'handover_accepted',
    data: { summary: 'Overdracht aanvaard door Team Jeugd (regio Utrecht); afzender blijft betrokken' },
    kind: 'handover_accepted_elsewhere',
  },
  {
    type: 'handover_refused',
    data: { summary: 'Overdracht geweigerd door Team Jeugd: geen capaciteit: wachtlijst' },
    kind: 'handover_refused',
  },
  { type: 'home_visit', data: { summary: 'Huisbezoek afgelegd, moeder was aanwezig.' }, kind: 'note' },
  { type: 'person_updated', data: { summary: 'Iets wat geen bekend patroon heeft' }, kind: 'legacy_text' },
];

beforeAll(async () => {
  db = await openPglite();
  // The schema as it was before structured events.
  await migrateBefore(db, '0270');
  region = await createRegion(db);
  orgId = await createOrganisation(db, region);
  userId = (await createUser(db, region, orgId)).actor.userId;
  familyId = randomUUID();
  await db.query(`INSERT INTO families (region_id, id, name) VALUES ($1, $2, 'Gezin Jansen')`, [region, familyId]);
  for (const e of OLD_EVENTS)
    await db.query(`INSERT INTO timeline_events (region_id, id, family_id, type, actor_user_id, data) VALUES ($1, $2, $3, $4, $5, $6)`, [
      region,
      randomUUID(),
      familyId,
      e.type,
      userId,
      JSON.stringify(e.data),
    ]);
  const note = (kind: string, nl: string, en: string) =>
    db.query(
      `INSERT INTO notifications (region_id, id, user_id, kind, title_nl, title_en, link, dedupe_key) VALUES ($1, $2, $3, $4, $5, $6, '/', $7)`,
      [region, randomUUID(), userId, kind, nl, en, `old:${randomUUID()}`],
    );
  await note('triage_overdue', 'Triage te laat: melding M-2026-0009', 'Triage overdue: signal M-2026-0009');
  await note('handover_received', 'Nieuwe overdracht van Veilig Thuis (regio Zeeland)', 'New handover from Veilig Thuis (region Zeeland)');
  await note('handover_nominated', 'U bent regisseur geworden na een overdracht', 'You became coordinator after a handover');
  await note('public_form_cap', 'Zorgformulier: vol', 'Concern form: full');
  await migrate(db);
}, 120_000);
afterAll(async () => {
  await db?.close();
});

describe('migrating stored sentences', () => {
  it('gives every old timeline event its kind and parameters, reading as before, and takes the sentence out of data', async () => {
    const rows = await db.query<{ type: string; kind: string; params: Record<string, unknown>; data: Record<string, unknown> }>(
      `SELECT type, kind, params, data FROM timeline_events WHERE region_id = $1 AND family_id = $2 ORDER BY seq`,
      [region, familyId],
    );
    expect(rows).toHaveLength(OLD_EVENTS.length);
    rows.forEach((r, i) => {
      const old = OLD_EVENTS[i]!;
      expect(r.type).toBe(old.type);
      expect(r.kind, String(old.data.summary)).toBe(old.kind);
      expect(renderTimeline('nl', r), old.kind).toBe(old.nl ?? old.data.summary);
      expect(r.data).not.toHaveProperty('summary');
      if (!['note', 'legacy_text'].includes(r.kind)) expect(renderTimeline('en', r)).not.toBe(renderTimeline('nl', r));
    });
    expect(rows.find((r) => r.kind === 'case_closed')!.params).toEqual({ fromPhase: 'executing', reason: 'doelen bereikt' });
    expect(rows.find((r) => r.kind === 'handover_accepted_elsewhere')!.params).toEqual({
      by: { name: 'Team Jeugd (regio Utrecht)' },
      senderAccess: 'continues',
    });
    expect(
      renderTimeline(
        'en',
        rows.find((r) => r.kind === 'case_status_changed')!,
      ),
    ).toBe('Phase changed: exploring → plan');
  });

  it('keeps the timeline append-only after the migration', async () => {
    await expect(db.query(`UPDATE timeline_events SET params = '{}' WHERE region_id = $1`, [region])).rejects.toThrow();
  });

  it('gives old notifications their parameters, or keeps both titles when none can be read back', async () => {
    const rows = await db.query<{ kind: string; params: Record<string, unknown> }>(
      `SELECT kind, params FROM notifications WHERE region_id = $1 ORDER BY kind`,
      [region],
    );
    expect(rows).toEqual([
      { kind: 'handover_nominated', params: {} },
      { kind: 'handover_received', params: { from: { name: 'Veilig Thuis (regio Zeeland)' } } },
      { kind: 'public_form_cap', params: { legacyTitle: { nl: 'Zorgformulier: vol', en: 'Concern form: full' } } },
      { kind: 'triage_overdue', params: { reference: 'M-2026-0009' } },
    ]);
    expect(rows.map((r) => renderNotification('en', r))).toEqual([
      'You became coordinator after a handover',
      'New handover from Veilig Thuis (regio Zeeland)',
      'Concern form: full',
      'Triage overdue: signal M-2026-0009',
    ]);
  });
});
