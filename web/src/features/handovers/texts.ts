// Dutch and English texts of the handover and lead-time screens (useLocalT).
import { useLocalT } from '../../i18n.js';

const nl = {
  handovers: 'Overdrachten', intro: 'Dossiers en meldingen die uw organisatie overdraagt of ontvangt. De afzender blijft verantwoordelijk tot de ontvanger aanvaardt; de ontvanger reageert binnen 5 werkdagen.',
  newHandover: 'Nieuwe overdracht', direction: 'Richting', incoming: 'Inkomend', outgoing: 'Uitgaand', all: 'Alle', status: 'Status', allStatuses: 'Alle statussen',
  pending: 'wacht op antwoord', accepted: 'aanvaard', refused: 'geweigerd', expired: 'termijn verlopen',
  subject: 'Onderwerp', from: 'Van', to: 'Aan', sent: 'Verstuurd', due: 'Reageren uiterlijk', term: 'Termijn', none: 'Geen overdrachten gevonden.',
  daysLeft: 'nog {n} werkdagen', dayLeft: 'nog 1 werkdag', dueToday: 'vandaag', overdueBy: '{n} werkdag(en) te laat', answered: 'beantwoord',
  caseLabel: 'dossier', signalLabel: 'melding', unsafe: 'onveilig', concerns: 'zorgen', safe: 'veilig',
  package: 'Informatiepakket', reason: 'Reden van overdracht', safety: 'Veiligheidsinschatting', safetyNotes: 'Toelichting op de veiligheid',
  known: 'Wat is bekend', persons: 'Betrokken personen', legalBasis: 'Grondslag', senderAccess: 'Toegang afzender na aanvaarden',
  accessEnds: 'eindigt', accessContinues: 'blijft (als lid van het casusteam)', sender: 'Verstuurd door', answer: 'Antwoord',
  nominee: 'Regisseur', refusalReason: 'Reden van weigeren', respondedAt: 'Beantwoord op', name: 'Naam', birthDate: 'Geboortedatum', relation: 'Relatie',
  accept: 'Aanvaarden', acceptTitle: 'Aanvaarden en regisseur aanwijzen', nomineeLabel: 'Regisseur bij uw organisatie',
  nomineeHint: 'Alleen gekwalificeerde regisseurs van uw organisatie', refuse: 'Weigeren', refuseTitle: 'Weigeren met reden',
  refuseHint: 'Minstens 10 tekens; de afzender leest dit en blijft verantwoordelijk.', acceptedNotice: 'De overdracht is aanvaard. {name} is nu de regisseur.',
  refusedNotice: 'De overdracht is geweigerd; de afzender is op de hoogte gebracht.', toFamily: 'Naar het gezin', toLeadTimes: 'Doorlooptijden van dit dossier',
  senderResponsible: 'Uw organisatie blijft verantwoordelijk tot de ontvanger aanvaardt.', expiredNote: 'De termijn is verlopen zonder antwoord. De afzender blijft verantwoordelijk en kan opnieuw overdragen.',
  sendTitle: 'Dossier overdragen', sendIntro: 'Draag de regie over aan een organisatie met de taak om het dossier over te nemen. De ontvanger krijgt het informatiepakket en reageert binnen 5 werkdagen.',
  chooseCase: 'Dossier', chooseCaseHint: 'Dossiers waarvan u regisseur bent', noCases: 'U bent van geen enkel open dossier regisseur.',
  receiver: 'Ontvangende organisatie', receiverHint: 'Alleen organisaties met de taak om een dossier over te nemen',
  personsLegend: 'Betrokken personen', knownHint: 'Hulp die loopt, afspraken, wat de familie zelf zegt', send: 'Overdracht versturen',
  ends: 'Onze toegang eindigt na aanvaarden', continues: 'Wij blijven betrokken als lid van het casusteam', back: 'Terug naar overdrachten',
  leadTimes: 'Doorlooptijden', leadIntro: 'Hoe lang de stappen in de keten duren: van melding tot afspraken in het plan. Per organisatie de mediaan en het 90e percentiel, in dagen.',
  organisation: 'Organisatie', periodFrom: 'Van', periodTo: 'Tot en met', show: 'Tonen', interval: 'Stap', count: 'Aantal', median: 'Mediaan (dagen)', p90: '90e percentiel (dagen)',
  barsLabel: 'Staafdiagram: mediaan en 90e percentiel per stap', perCase: 'Per dossier', caseLabelSelect: 'Dossier', moment: 'Moment', when: 'Wanneer', by: 'Door',
  days: 'Dagen', noMoments: 'Voor dit dossier zijn nog geen momenten vastgelegd.', record: 'Moment vastleggen', recordHint: 'Alleen de regisseur; het eerste moment telt.',
  recorded: 'Vastgelegd.', occurredAt: 'Datum', recordButton: 'Vastleggen',
  m_received: 'ontvangen', m_triaged: 'getrieerd', m_handed_over: 'overgedragen', m_accepted: 'aanvaard', m_first_contact: 'eerste contact met het gezin', m_plan_agreed: 'plan afgesproken',
  medianLegend: 'mediaan', p90Legend: '90e percentiel', noData: 'geen gegevens', pages: 'Paginering',
};
type Key = keyof typeof nl;
const en: Record<Key, string> = {
  handovers: 'Handovers', intro: 'Cases and signals your organisation hands over or receives. The sender stays responsible until the receiver accepts; the receiver answers within 5 working days.',
  newHandover: 'New handover', direction: 'Direction', incoming: 'Incoming', outgoing: 'Outgoing', all: 'All', status: 'Status', allStatuses: 'All statuses',
  pending: 'awaiting answer', accepted: 'accepted', refused: 'refused', expired: 'deadline passed',
  subject: 'Subject', from: 'From', to: 'To', sent: 'Sent', due: 'Answer by', term: 'Deadline', none: 'No handovers found.',
  daysLeft: '{n} working days left', dayLeft: '1 working day left', dueToday: 'today', overdueBy: '{n} working day(s) late', answered: 'answered',
  caseLabel: 'case', signalLabel: 'signal', unsafe: 'unsafe', concerns: 'concerns', safe: 'safe',
  package: 'Information package', reason: 'Reason for the handover', safety: 'Safety assessment', safetyNotes: 'Safety explanation',
  known: 'What is known', persons: 'Persons concerned', legalBasis: 'Legal basis', senderAccess: "Sender's access after acceptance",
  accessEnds: 'ends', accessContinues: 'continues (as case team member)', sender: 'Sent by', answer: 'Answer',
  nominee: 'Coordinator', refusalReason: 'Reason for refusing', respondedAt: 'Answered on', name: 'Name', birthDate: 'Birth date', relation: 'Relation',
  accept: 'Accept', acceptTitle: 'Accept and appoint the coordinator', nomineeLabel: 'Coordinator in your organisation',
  nomineeHint: 'Only qualified coordinators of your organisation', refuse: 'Refuse', refuseTitle: 'Refuse with a reason',
  refuseHint: 'At least 10 characters; the sender reads this and stays responsible.', acceptedNotice: 'The handover was accepted. {name} is now the coordinator.',
  refusedNotice: 'The handover was refused; the sender has been told.', toFamily: 'Go to the family', toLeadTimes: 'Lead times of this case',
  senderResponsible: 'Your organisation stays responsible until the receiver accepts.', expiredNote: 'The deadline passed without an answer. The sender stays responsible and can hand over again.',
  sendTitle: 'Hand over a case', sendIntro: 'Hand coordination to an organisation with the task to take over the case. The receiver gets the information package and answers within 5 working days.',
  chooseCase: 'Case', chooseCaseHint: 'Cases you coordinate', noCases: 'You do not coordinate any open case.',
  receiver: 'Receiving organisation', receiverHint: 'Only organisations with the task to take over a case',
  personsLegend: 'Persons concerned', knownHint: 'Help in progress, agreements, what the family says itself', send: 'Send handover',
  ends: 'Our access ends after acceptance', continues: 'We stay involved as case team member', back: 'Back to handovers',
  leadTimes: 'Lead times', leadIntro: 'How long the steps of the chain take: from signal to agreed plan. Per organisation the median and 90th percentile, in days.',
  organisation: 'Organisation', periodFrom: 'From', periodTo: 'Until', show: 'Show', interval: 'Step', count: 'Count', median: 'Median (days)', p90: '90th percentile (days)',
  barsLabel: 'Bar chart: median and 90th percentile per step', perCase: 'Per case', caseLabelSelect: 'Case', moment: 'Moment', when: 'When', by: 'By',
  days: 'Days', noMoments: 'No moments have been recorded for this case yet.', record: 'Record a moment', recordHint: 'Coordinator only; the first moment counts.',
  recorded: 'Recorded.', occurredAt: 'Date', recordButton: 'Record',
  m_received: 'received', m_triaged: 'triaged', m_handed_over: 'handed over', m_accepted: 'accepted', m_first_contact: 'first contact with the family', m_plan_agreed: 'plan agreed',
  medianLegend: 'median', p90Legend: '90th percentile', noData: 'no data', pages: 'Pagination',
};

export function useHandoverT() { return useLocalT<Key>({ nl, en }); }
export type HT = ReturnType<typeof useHandoverT>;

export const momentKey = (m: string) => `m_${m}` as Key;
