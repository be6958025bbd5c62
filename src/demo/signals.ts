// A few signals in the demo region's triage queue, made through the real use case (deadlines in
// working days, linking to open cases, audit rows), some of them already overdue.
import type { Database } from '../platform/db/db.js';
import { oneRow } from '../platform/db/rows.js';
import type { Actor, Role } from '../platform/access/actor.js';
import { createSignal } from '../modules/signals/signals.service.js';
import { CreateSignalBody } from '../modules/signals/signals.contract.js';
import type { NamedKey, Staff } from './organisations.js';

export async function actorOf(db: Database, regionId: string, username: string): Promise<Actor> {
  const rows = await db.query<Record<string, any>>(
    `SELECT u.id, u.organisation_id, u.roles, u.display_name, o.type, o.safety_task FROM users u
       JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id WHERE u.region_id = $1 AND u.username = $2`,
    [regionId, username],
  );
  const u = oneRow(rows, `user ${username}`);
  return {
    regionId,
    userId: u.id,
    organisationId: u.organisation_id,
    organisationType: u.type,
    safetyTask: u.safety_task,
    roles: u.roles as Role[],
    displayName: u.display_name,
    ip: '127.0.0.1',
    userAgent: 'demo',
  };
}

/** Signals to the region's own municipal social team, from its own named accounts. */
export async function seedDemoSignals(db: Database, regionId: string, staff: Pick<Staff, 'orgIds' | 'named'>) {
  const team = { id: staff.orgIds.stm };
  const persons = await db.query<{ bsn: string }>(
    `SELECT p.bsn FROM persons p JOIN family_members fm ON fm.region_id = p.region_id AND fm.person_id = p.id
      WHERE p.region_id = $1 AND p.bsn IS NOT NULL AND fm.relation = 'child' ORDER BY p.id LIMIT 4`,
    [regionId],
  );
  const day = 86_400_000;
  const items: Array<{ who: NamedKey; daysAgo: number; body: Record<string, unknown> }> = [
    {
      who: 'leerkracht',
      daysAgo: 16,
      body: {
        source: 'school',
        urgency: 'normal',
        safetyAtStake: false,
        bsn: persons[0]?.bsn,
        whatSeen: 'Leerling is sinds de herfstvakantie vaak afwezig en lijkt moe en teruggetrokken.',
        concerns: { education: 'Veel verzuim', development_parenting: 'Teruggetrokken gedrag' },
      },
    },
    {
      who: 'huisarts',
      daysAgo: 9,
      body: {
        source: 'gp',
        urgency: 'high',
        safetyAtStake: false,
        bsn: persons[1]?.bsn,
        whatSeen: 'Moeder vertelt op het spreekuur over oplopende schulden en slapeloosheid.',
        concerns: { finances: 'Schulden', mental_health: 'Slaapproblemen' },
      },
    },
    {
      who: 'veiligthuis',
      daysAgo: 1,
      body: {
        source: 'veilig_thuis',
        urgency: 'high',
        safetyAtStake: true,
        bsn: persons[2]?.bsn,
        whatSeen: 'Politiemelding huiselijk geweld; kinderen waren aanwezig tijdens het incident.',
        concerns: { safety: 'Kinderen getuige van geweld', domestic_relations: 'Spanningen tussen ouders' },
        meldcodeSteps: { '1': { done: true }, '2': { done: true } },
      },
    },
    {
      who: 'huisarts',
      daysAgo: 0,
      body: {
        source: 'professional',
        urgency: 'normal',
        safetyAtStake: false,
        subjectDescription: 'Oudere man, woont alleen, Dauwendaele',
        whatSeen: 'Buren maken zich zorgen: post stapelt zich op en hij eet slecht.',
        concerns: { daily_living: 'Zelfzorg' },
      },
    },
    {
      who: 'leerkracht',
      daysAgo: 3,
      body: {
        source: 'school',
        urgency: 'acute',
        safetyAtStake: true,
        bsn: persons[3]?.bsn,
        whatSeen: 'Kind vertelt dat het thuis geslagen wordt en durft niet naar huis.',
        concerns: { safety: 'Fysiek geweld' },
        meldcodeSteps: { '1': { done: true } },
      },
    },
  ];
  for (const item of items) {
    const body = CreateSignalBody.safeParse({
      receivingOrganisationId: team.id,
      ...Object.fromEntries(Object.entries(item.body).filter(([, v]) => v !== undefined)),
    });
    if (!body.success) continue; // e.g. a demo region without children with a BSN
    await createSignal(
      db,
      await actorOf(db, regionId, staff.named[item.who].username),
      body.data,
      new Date(Date.now() - item.daysAgo * day),
    );
  }
}
