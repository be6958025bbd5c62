// Dutch and English texts of the safety section and its forms (useLocalT).
import { useLocalT } from '../../i18n.js';

const nl = {
  title: 'Veiligheid en familienetwerkberaad',
  required: 'Veiligheidstaxatie verplicht', notRequired: 'Veiligheidstaxatie niet verplicht', why: 'Waarom',
  r_signal_safety_concern: 'een melding met zorgen over de veiligheid', r_veilig_thuis_on_team: 'Veilig Thuis zit in het casusteam',
  r_child_safety_score_low: 'de veiligheid van een kind is gescoord op 2 of lager',
  decision: 'Besluit', d_safe: 'Veilig', d_conditionally_safe: 'Voorwaardelijk veilig', d_unsafe: 'Onveilig',
  noAssessment: 'Er is nog geen veiligheidstaxatie.', assessment: 'Veiligheidstaxatie',
  dangers: 'Gevaren (in gewone woorden)', goingWell: 'Wat gaat goed', safetyGoals: 'Veiligheidsdoelen', scaling: 'Schaalvraag per partij (0 = onveilig, 10 = volledig veilig)',
  scoreOf: 'Score van {name}', noScore: 'geen score', party: 'Partij', score: 'Score', lastChanged: 'Laatst gewijzigd door {name} op {date} (versie {version})',
  recordAssessment: 'Veiligheidstaxatie vastleggen', changeAssessment: 'Veiligheidstaxatie wijzigen', save: 'Opslaan',
  review: 'Beoordeling gedragswetenschapper', noReview: 'Nog niet beoordeeld door een gedragswetenschapper.', reviewBy: '{name} op {date}: {verdict}',
  v_agree: 'akkoord', v_comment: 'met commentaar', olderVersion: '(over een eerdere versie)', reviewAction: 'Taxatie beoordelen', verdict: 'Oordeel', comment: 'Commentaar',
  plan: 'Veiligheidsplan', emptyPlan: 'Het veiligheidsplan heeft nog geen afspraken.', what: 'Wat wordt afgesproken', owner: 'Wie doet het', dueOn: 'Wanneer (uiterlijk)',
  checkHow: 'Hoe wordt het gecontroleerd', addAgreement: 'Afspraak toevoegen', optional: '(optioneel)', removeAgreement: 'Verwijderen', removeAgreementOf: 'Afspraak verwijderen: {what}',
  o_person: 'gezinslid', o_organisation: 'organisatie', o_network_member: 'netwerk',
  council: 'Familienetwerkberaad', dueBy: 'Aanbieden uiterlijk {date} ({days} werkdagen na het openen van het dossier)',
  overdue: 'Het familienetwerkberaad is niet op tijd aangeboden (uiterlijk {date}).',
  s_not_offered: 'Nog niet aangeboden', s_offered: 'Aangeboden, wacht op antwoord', s_accepted: 'Aanvaard door het gezin', s_declined: 'Afgewezen door het gezin', s_met: 'Gehouden',
  offeredOn: 'Aangeboden op', answer: 'Antwoord van het gezin', a_accepted: 'Aanvaard', a_declined: 'Afgewezen', declinedReason: 'Reden van afwijzen',
  answeredOn: 'Datum van het antwoord', metOn: 'Gehouden op', safetyReason: 'Veiligheidsreden om het plan eerder voor te stellen',
  recordCouncil: 'Familienetwerkberaad vastleggen', outcome: 'Plan van het familienetwerkberaad', goals: 'Doelen van het gezin (in hun eigen woorden, één per regel)',
  actions: 'Acties van het netwerk', networkMember: 'Netwerklid', addAction: 'Actie toevoegen', removeAction: 'Verwijderen', recordOutcome: 'Plan van het beraad vastleggen',
  noOutcome: 'Nog geen plan van het beraad vastgelegd.', familyGoals: 'Doelen van het gezin', loading: 'Laden…',
};
const en: Record<keyof typeof nl, string> = {
  title: 'Safety and family network council',
  required: 'Safety assessment required', notRequired: 'Safety assessment not required', why: 'Why',
  r_signal_safety_concern: 'a signal with concerns about safety', r_veilig_thuis_on_team: 'Veilig Thuis is on the case team',
  r_child_safety_score_low: 'a child\'s safety was scored 2 or lower',
  decision: 'Decision', d_safe: 'Safe', d_conditionally_safe: 'Conditionally safe', d_unsafe: 'Unsafe',
  noAssessment: 'There is no safety assessment yet.', assessment: 'Safety assessment',
  dangers: 'Dangers (in plain words)', goingWell: 'What goes well', safetyGoals: 'Safety goals', scaling: 'Scaling per party (0 = unsafe, 10 = completely safe)',
  scoreOf: 'Score of {name}', noScore: 'no score', party: 'Party', score: 'Score', lastChanged: 'Last changed by {name} on {date} (version {version})',
  recordAssessment: 'Record safety assessment', changeAssessment: 'Change safety assessment', save: 'Save',
  review: 'Behavioural scientist\'s review', noReview: 'Not yet reviewed by a behavioural scientist.', reviewBy: '{name} on {date}: {verdict}',
  v_agree: 'agreed', v_comment: 'with comments', olderVersion: '(of an earlier version)', reviewAction: 'Review the assessment', verdict: 'Verdict', comment: 'Comment',
  plan: 'Safety plan', emptyPlan: 'The safety plan has no agreements yet.', what: 'What is agreed', owner: 'Who does it', dueOn: 'When (at the latest)',
  checkHow: 'How it is checked', addAgreement: 'Add agreement', optional: '(optional)', removeAgreement: 'Remove', removeAgreementOf: 'Remove agreement: {what}',
  o_person: 'family member', o_organisation: 'organisation', o_network_member: 'network',
  council: 'Family network council', dueBy: 'Offer by {date} ({days} working days after the case opened)',
  overdue: 'The family network council was not offered in time (by {date}).',
  s_not_offered: 'Not offered yet', s_offered: 'Offered, awaiting the answer', s_accepted: 'Accepted by the family', s_declined: 'Declined by the family', s_met: 'Held',
  offeredOn: 'Offered on', answer: 'The family\'s answer', a_accepted: 'Accepted', a_declined: 'Declined', declinedReason: 'Reason for declining',
  answeredOn: 'Date of the answer', metOn: 'Held on', safetyReason: 'Safety reason to propose the plan earlier',
  recordCouncil: 'Record family network council', outcome: 'Plan of the family network council', goals: 'The family\'s goals (in their own words, one per line)',
  actions: 'The network\'s actions', networkMember: 'Network member', addAction: 'Add action', removeAction: 'Remove', recordOutcome: 'Record the council\'s plan',
  noOutcome: 'No plan of the council recorded yet.', familyGoals: 'The family\'s goals', loading: 'Loading…',
};

export type SafetyKey = keyof typeof nl;
export function useSafetyT() { return useLocalT<SafetyKey>({ nl, en }); }
export type ST = ReturnType<typeof useSafetyT>;
