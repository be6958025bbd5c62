// Every kind renders in both languages, with its parameters in it, and English shows no Dutch.
import { describe, expect, it } from 'vitest';
import { TIMELINE_KINDS, type NotificationKind, type NotificationParams, type TimelineParams } from './kinds.js';
import { renderNotification, renderTimeline, translator } from './server-i18n.js';

const org = { name: 'Veilig Thuis Utrecht' };
const TIMELINE_EXAMPLES: { [K in keyof TimelineParams]: TimelineParams[K] } = {
  family_registered: { name: 'Gezin Jansen', count: 3 },
  family_registered_after_triage: { name: 'Gezin Jansen', count: 1, reference: 'M-2026-0001' },
  family_registered_after_handover: { name: 'Gezin Jansen', from: { name: 'Wijkteam Oost', region: 'Amersfoort' } },
  member_added: { givenNames: 'Piet' },
  network_member_added: { relation: 'grandparent' },
  case_opened: {},
  case_opened_after_triage: { reference: 'M-2026-0001' },
  case_opened_after_handover: { from: org },
  case_opened_after_signal_handover: {},
  coordinator_assigned: { coordinator: 'Anna de Vries' },
  case_status_changed: { fromPhase: 'exploring', toPhase: 'plan' },
  case_closed: { fromPhase: 'executing', reason: 'doelen bereikt' },
  team_member_added: { name: 'Anna de Vries', startsOn: '2026-12-10' },
  team_member_added_after_triage: { name: 'Anna de Vries', reference: 'M-2026-0001' },
  team_member_basis_changed: { name: 'Anna de Vries', fromBasis: 'consent', toBasis: 'safety' },
  team_member_ended: { name: 'Anna de Vries', reason: 'klaar' },
  coordinator_transferred: { name: 'Anna de Vries', reason: 'verlof' },
  break_glass_opened: { minutes: 60, until: '2026-12-04T13:05:00.000Z' },
  person_updated: { givenNames: 'Piet' },
  person_merged: { givenNames: 'Piet' },
  person_merge_undone: {},
  signal_received: { reference: 'M-1' },
  signal_received_linked: { reference: 'M-1' },
  signal_linked: { reference: 'M-1' },
  signal_linked_by_address: { reference: 'M-1' },
  signal_linked_same_family: { reference: 'M-1', via: 'M-2' },
  signal_triaged: { reference: 'M-1', decision: 'open_case' },
  handover_sent: { to: org, dueOn: '2026-12-10' },
  handover_accepted: { by: org, coordinator: 'Anna' },
  handover_accepted_from: { from: org, coordinator: 'Anna' },
  handover_accepted_elsewhere: { by: { name: 'Team Jeugd', region: 'Utrecht' }, senderAccess: 'ends' },
  handover_refused: { by: org, reason: 'geen capaciteit' },
  assessment_recorded: { count: 14, persons: 3 },
  note: { text: 'Huisbezoek afgelegd' },
  legacy_text: { text: 'Oude zin' },
  safety_assessment_recorded: { safetyDecision: 'conditionally_safe' },
  safety_assessment_changed: { safetyDecision: 'unsafe' },
  safety_assessment_reviewed: { reviewer: 'Dr. Bakker', verdict: 'comment' },
  safety_plan_agreement_added: {},
  safety_plan_agreement_changed: {},
  safety_plan_agreement_removed: {},
  council_offered: { offeredOn: '2026-12-01' },
  council_answered: { answer: 'declined' },
  council_met: { metOn: '2026-12-03' },
  council_safety_reason: {},
  council_outcome_recorded: { goals: 2, actions: 3 },
  plan_draft_started: { number: 2 },
  plan_council_copied: { number: 2, goals: 2, actions: 1 },
  plan_approved: { number: 2, name: 'Anna de Vries' },
  plan_version_proposed: { number: 2 },
  plan_answer_recorded: { number: 2, party: 'Wijkteam Oost' },
  plan_agreed: { number: 2 },
  plan_disagreed: { number: 2, party: 'Anna', reason: 'te snel' },
  plan_action_done: { action: 'Inschrijven als woningzoekende' },
  plan_action_not_done: { action: 'Inschrijven', reason: 'geen DigiD' },
  plan_action_reopened: { action: 'Inschrijven' },
};
const NOTIFICATION_EXAMPLES: { [K in NotificationKind]: NotificationParams[K] } = {
  handover_received: { from: org },
  handover_accepted: { by: org },
  handover_refused: { by: org },
  handover_expired: {},
  handover_nominated: {},
  refindex_match: {},
  refindex_coordinator: {},
  refindex_escalation: { workingDays: 10 },
  signal_acute: { reference: 'M-1' },
  signal_linked: { reference: 'M-1' },
  case_coordinator_assigned: { reference: 'M-1' },
  signal_safety: { reference: 'M-1' },
  triage_overdue: { reference: 'M-1' },
  public_form_cap: { cap: 50 },
  role_change_proposed: {},
  role_change_approved: {},
  authenticator_reset: {},
  council_overdue: { workingDays: 10 },
  plan_proposed: { number: 2 },
  plan_agreed: { number: 2 },
  plan_disagreed: { number: 2 },
};
/** Words of the Dutch sentences that must never reach an English reader. */
const DUTCH =
  /\b(gezinsle|geregistreerd|toegevoegd|gewijzigd|overgedragen|overdracht|melding|dossier|aanvaard|geweigerd|regisseur|grondslag|werkdag|uur|tot|verkenning|toestemming|grootouder|noodtoegang|bericht)/i;

describe('timeline events in both languages', () => {
  for (const kind of TIMELINE_KINDS) {
    it(kind, () => {
      const e = { kind, params: TIMELINE_EXAMPLES[kind] as Record<string, unknown> };
      const nl = renderTimeline('nl', e);
      const en = renderTimeline('en', e);
      for (const s of [nl, en]) {
        expect(s).not.toMatch(/timeline\.|\{\{|undefined|NaN|Invalid/);
        expect(s.length).toBeGreaterThan(0);
      }
      if (kind !== 'note' && kind !== 'legacy_text') {
        expect(en).not.toBe(nl);
        expect(en).not.toMatch(DUTCH);
      }
      for (const v of Object.values(e.params)) if (typeof v === 'string' && !/^\d{4}-|^[a-z_]+$/.test(v)) expect(nl).toContain(v);
    });
  }

  it('plurals, dates and labels follow the language', () => {
    expect(renderTimeline('nl', { kind: 'family_registered', params: { name: 'Gezin A', count: 1 } })).toBe(
      'Gezin A geregistreerd met 1 gezinslid',
    );
    expect(renderTimeline('nl', { kind: 'family_registered', params: { name: 'Gezin A', count: 4 } })).toBe(
      'Gezin A geregistreerd met 4 gezinsleden',
    );
    expect(renderTimeline('en', { kind: 'family_registered', params: { name: 'Gezin A', count: 1 } })).toBe(
      'Gezin A registered with 1 member',
    );
    expect(renderTimeline('nl', { kind: 'handover_sent', params: { to: { name: 'GI' }, dueOn: '2026-12-10' } })).toBe(
      'Overdracht aan GI verstuurd; antwoord uiterlijk 10 december 2026',
    );
    expect(renderTimeline('en', { kind: 'handover_sent', params: { to: { name: 'GI' }, dueOn: '2026-12-10' } })).toBe(
      'Handover to GI sent; answer due by December 10, 2026',
    );
    expect(renderTimeline('en', { kind: 'case_status_changed', params: { fromPhase: 'exploring', toPhase: 'plan' } })).toBe(
      'Phase changed: exploring → plan',
    );
    expect(renderTimeline('nl', { kind: 'case_status_changed', params: { fromPhase: 'exploring', toPhase: 'plan' } })).toBe(
      'Fase gewijzigd: verkenning → plan',
    );
    expect(renderTimeline('nl', { kind: 'break_glass_opened', params: { minutes: 60, until: '2026-12-04T13:05:00.000Z' } })).toBe(
      'Noodtoegang gebruikt voor 60 minuten, tot 14:05',
    );
    expect(
      renderTimeline('en', {
        kind: 'handover_accepted_elsewhere',
        params: { by: { name: 'Team Jeugd', region: 'Utrecht' }, senderAccess: 'continues' },
      }),
    ).toBe('Handover accepted by Team Jeugd (region Utrecht); the sender stays involved');
  });

  it('safety and council sentences translate their codes and dates', () => {
    expect(renderTimeline('nl', { kind: 'safety_assessment_recorded', params: { safetyDecision: 'conditionally_safe' } })).toBe(
      'Veiligheidstaxatie vastgelegd: voorwaardelijk veilig',
    );
    expect(renderTimeline('en', { kind: 'council_answered', params: { answer: 'declined' } })).toBe(
      'Answer to the family network council: declined',
    );
    expect(renderTimeline('nl', { kind: 'council_offered', params: { offeredOn: '2026-12-01' } })).toBe(
      'Familienetwerkberaad aangeboden op 1 december 2026',
    );
  });

  it('an unknown kind shows its name, not an empty line', () => {
    // plan_agreed became a real kind (issue "One plan"); a kind no release knows stands in for it.
    expect(renderTimeline('en', { kind: 'kind_from_a_later_release', params: {} })).toBe('kind_from_a_later_release');
  });
});

describe('notifications in both languages', () => {
  for (const kind of Object.keys(NOTIFICATION_EXAMPLES) as NotificationKind[]) {
    it(kind, () => {
      const n = { kind, params: NOTIFICATION_EXAMPLES[kind] as Record<string, unknown> };
      const nl = renderNotification('nl', n);
      const en = renderNotification('en', n);
      for (const s of [nl, en]) expect(s).not.toMatch(/notification\.|\{\{|undefined/);
      expect(en).not.toBe(nl);
      expect(en).not.toMatch(DUTCH);
    });
  }

  it('a notification from before keeps its stored titles', () => {
    const n = { kind: 'handover_received', params: { legacyTitle: { nl: 'Oud', en: 'Old' } } };
    expect(renderNotification('nl', n)).toBe('Oud');
    expect(renderNotification('en', n)).toBe('Old');
  });

  it('numbers per locale', () => {
    expect(translator('nl')('notification.public_form_cap', { count: 1 })).toContain('1 melding vandaag');
  });
});
