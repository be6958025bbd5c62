// Dutch and English texts of the plan screens (useLocalT). Life domains come from the shared
// contract (DOMAIN_LABELS), statuses and answers are keyed here.
import { useLocalT } from '../../i18n.js';

const nl = {
  plan: 'Plan', planOf: 'Plan van {name}', intro: 'Eén plan per gezin: doelen per levensdomein, de eigen doelen van het gezin in hun woorden, acties met een eigenaar en een datum, en wie akkoord gaf.',
  toFamily: 'Naar het gezin', noPlan: 'Er is nog geen plan. Start een concept om doelen en acties vast te leggen.', startDraft: 'Concept starten', startNextDraft: 'Plan wijzigen (nieuw concept)',
  version: 'Versie {n}', versions: 'Versies', status: 'Status', date: 'Datum', proposedAt: 'Voorgelegd', decidedAt: 'Besluit',
  s_draft: 'concept', s_proposed: 'voorgelegd', s_agreed: 'akkoord', s_not_agreed: 'niet akkoord', s_superseded: 'vervangen',
  current: 'Huidige versie', draft: 'Concept', goals: 'Doelen', familyGoals: 'Eigen doelen van het gezin', familyGoalNote: 'In de woorden van het gezin, niet herschreven.',
  domain: 'Levensdomein', description: 'Omschrijving', person: 'Over wie', wholeFamily: 'Het hele gezin', targetScore: 'Streefscore (1–5)', targetDate: 'Streefdatum',
  familyOwn: 'Eigen doel van het gezin (in hun woorden)', noGoals: 'Nog geen doelen.', actions: 'Acties', noActions: 'Nog geen acties.',
  owner: 'Eigenaar', ownerKind: 'Soort eigenaar', o_organisation: 'Organisatie in het casusteam', o_family_member: 'Gezinslid', o_network_member: 'Iemand uit het netwerk',
  organisation: 'Organisatie', professional: 'Professional (optioneel)', familyMember: 'Gezinslid', networkMember: 'Netwerklid', dueOn: 'Uiterlijk', actionStatus: 'Stand',
  a_open: 'open', a_done: 'gedaan', a_not_done: 'niet gedaan', notDoneReason: 'Reden niet gedaan', goal: 'Bij doel', noGoal: 'Geen',
  addGoal: 'Doel toevoegen', addAction: 'Actie toevoegen', remove: 'Verwijderen', removeItem: 'Verwijderen: {what}', saved: 'Opgeslagen.', planDate: 'Datum van deze versie',
  otherOrganisation: 'Organisatie (ook buiten het casusteam)',
  offerTitle: '{org} zit niet in het casusteam', offerText: 'Voeg een professional van deze organisatie toe aan het casusteam, met een grondslag. Daarna wordt de actie opgeslagen.',
  offerUser: 'Professional van {org}', legalBasis: 'Grondslag', addAndSave: 'Toevoegen aan het casusteam en actie opslaan',
  lb_consent: 'toestemming', lb_statutory_task: 'wettelijke taak', lb_safety: 'veiligheid',
  propose: 'Voorleggen aan het gezin en de organisaties', approve: 'Goedkeuren (teamleider)', approvalNeeded: 'In deze regio keurt een teamleider het plan goed voordat het wordt voorgelegd.',
  approvedBy: 'Goedgekeurd door {name}', onlyCoordinatorProposes: 'Alleen de regisseur legt het plan voor.',
  parties: 'Akkoord', party: 'Partij', requirement: 'Wat wordt gevraagd', answer: 'Antwoord', answeredOn: 'Datum', via: 'Hoe', recordedBy: 'Vastgelegd door',
  r_agree: 'akkoord', r_heard: 'gehoord worden (jonger dan 12)', r_agree_with_parents: 'akkoord samen met ouders (12–15)', r_agree_own_part: 'eigen deel akkoord (16+)',
  an_agreed: 'akkoord', an_disagreed: 'niet akkoord', an_heard: 'gehoord', waiting: 'wacht op antwoord',
  v_conversation: 'in een gesprek', v_phone: 'telefonisch', v_in_writing: 'schriftelijk', v_video: 'via video', v_own_account: 'zelf in Regie',
  recordAnswer: 'Antwoord vastleggen', recordFor: 'Antwoord van {name}', reason: 'Reden', view: 'Mening van het kind', save: 'Opslaan',
  answerAsOrg: 'Akkoord namens {org}', disagreeAsOrg: 'Niet akkoord namens {org}',
  disagreements: 'Open bezwaren', disagreementLine: 'Versie {n}: {name} — “{reason}” ({date})', disagreementNote: 'Een bezwaar blijft open tot een volgende versie wordt voorgelegd.',
  compare: 'Versies vergelijken', compareFrom: 'Van versie', compareTo: 'Naar versie', compareShow: 'Vergelijken', before: 'Eerst', after: 'Nu',
  c_added: 'toegevoegd', c_removed: 'verwijderd', c_changed: 'gewijzigd', c_unchanged: 'ongewijzigd', changedFields: 'Gewijzigd: {fields}', counts: '{added} toegevoegd, {changed} gewijzigd, {removed} verwijderd',
  pdf: 'PDF van het plan (versie {n})', back: 'Terug naar het plan',
  summaryTitle: 'Plan', summaryNone: 'Nog geen plan.', summaryToPlan: 'Naar het plan', summaryAgreed: 'Akkoord op versie {n} ({date})', summaryNotAgreed: 'Geen akkoord op een versie',
  summaryCurrent: 'Huidige versie: {n} — {status}', summaryBy: 'Akkoord gegeven door', summaryDraft: 'Concept versie {n} in bewerking',
  dueThisWeek: 'Acties deze week', overdue: 'Acties te laat', none: 'Geen',
};
type Key = keyof typeof nl;
const en: Record<Key, string> = {
  plan: 'Plan', planOf: 'Plan of {name}', intro: 'One plan per family: goals per life domain, the family\'s own goals in their own words, actions with an owner and a date, and who agreed.',
  toFamily: 'To the family', noPlan: 'There is no plan yet. Start a draft to record goals and actions.', startDraft: 'Start a draft', startNextDraft: 'Change the plan (new draft)',
  version: 'Version {n}', versions: 'Versions', status: 'Status', date: 'Date', proposedAt: 'Proposed', decidedAt: 'Decision',
  s_draft: 'draft', s_proposed: 'proposed', s_agreed: 'agreed', s_not_agreed: 'not agreed', s_superseded: 'superseded',
  current: 'Current version', draft: 'Draft', goals: 'Goals', familyGoals: 'The family\'s own goals', familyGoalNote: 'In the family\'s own words, not rewritten.',
  domain: 'Life domain', description: 'Description', person: 'About whom', wholeFamily: 'The whole family', targetScore: 'Target score (1–5)', targetDate: 'Target date',
  familyOwn: 'The family\'s own goal (in their words)', noGoals: 'No goals yet.', actions: 'Actions', noActions: 'No actions yet.',
  owner: 'Owner', ownerKind: 'Kind of owner', o_organisation: 'Organisation on the case team', o_family_member: 'Family member', o_network_member: 'Someone from the network',
  organisation: 'Organisation', professional: 'Professional (optional)', familyMember: 'Family member', networkMember: 'Network member', dueOn: 'Due', actionStatus: 'Progress',
  a_open: 'open', a_done: 'done', a_not_done: 'not done', notDoneReason: 'Reason not done', goal: 'For goal', noGoal: 'None',
  addGoal: 'Add goal', addAction: 'Add action', remove: 'Remove', removeItem: 'Remove: {what}', saved: 'Saved.', planDate: 'Date of this version',
  otherOrganisation: 'Organisation (also outside the case team)',
  offerTitle: '{org} is not on the case team', offerText: 'Add a professional of this organisation to the case team, with a legal basis. The action is saved after that.',
  offerUser: 'Professional of {org}', legalBasis: 'Legal basis', addAndSave: 'Add to the case team and save the action',
  lb_consent: 'consent', lb_statutory_task: 'statutory task', lb_safety: 'safety',
  propose: 'Propose to the family and the organisations', approve: 'Approve (team lead)', approvalNeeded: 'In this region a team lead approves the plan before it is proposed.',
  approvedBy: 'Approved by {name}', onlyCoordinatorProposes: 'Only the coordinator proposes the plan.',
  parties: 'Agreement', party: 'Party', requirement: 'What is asked', answer: 'Answer', answeredOn: 'Date', via: 'How', recordedBy: 'Recorded by',
  r_agree: 'agree', r_heard: 'be heard (under 12)', r_agree_with_parents: 'agree with parents (12–15)', r_agree_own_part: 'agree to own part (16+)',
  an_agreed: 'agreed', an_disagreed: 'disagreed', an_heard: 'heard', waiting: 'waiting for an answer',
  v_conversation: 'in a conversation', v_phone: 'by phone', v_in_writing: 'in writing', v_video: 'by video', v_own_account: 'themselves in Regie',
  recordAnswer: 'Record answer', recordFor: 'Answer of {name}', reason: 'Reason', view: 'The child\'s view', save: 'Save',
  answerAsOrg: 'Agree for {org}', disagreeAsOrg: 'Disagree for {org}',
  disagreements: 'Open disagreements', disagreementLine: 'Version {n}: {name} — “{reason}” ({date})', disagreementNote: 'A disagreement stays open until a next version is proposed.',
  compare: 'Compare versions', compareFrom: 'From version', compareTo: 'To version', compareShow: 'Compare', before: 'Before', after: 'Now',
  c_added: 'added', c_removed: 'removed', c_changed: 'changed', c_unchanged: 'unchanged', changedFields: 'Changed: {fields}', counts: '{added} added, {changed} changed, {removed} removed',
  pdf: 'PDF of the plan (version {n})', back: 'Back to the plan',
  summaryTitle: 'Plan', summaryNone: 'No plan yet.', summaryToPlan: 'To the plan', summaryAgreed: 'Version {n} agreed ({date})', summaryNotAgreed: 'No version agreed',
  summaryCurrent: 'Current version: {n} — {status}', summaryBy: 'Agreed by', summaryDraft: 'Draft version {n} being edited',
  dueThisWeek: 'Actions this week', overdue: 'Actions overdue', none: 'None',
};

// One catalogue object for the module: useLocalT registers it once (keyed by the object).
const TEXTS = { nl, en };
export function usePlanT() { return useLocalT<Key>(TEXTS); }
export type PT = ReturnType<typeof usePlanT>;
export type PlanKey = Key;
