// What an audit row is about, in words a privacy officer or a citizen can read: one home for the
// codes that recordAccess writes (`objectType`) and their labels. A code without a label shows as
// itself; audit-objects.test.ts fails when the server writes a code that has no label here.

export const AUDIT_OBJECT_LABELS: Record<'nl' | 'en', Record<string, string>> = {
  nl: {
    account: 'account', 'access-log': 'inzageoverzicht', assessment: 'beoordeling (integraal beeld)', assessments: 'beoordelingen van het dossier',
    'council-settings': 'instellingen familienetwerkberaad', 'network-council': 'familienetwerkberaad', 'network-council-outcome': 'uitkomst van het familienetwerkberaad',
    safety: 'veiligheid van het gezin', 'safety-assessment': 'veiligheidstaxatie', 'safety-plan': 'veiligheidsplan', 'safety-review': 'toetsing door de gedragswetenschapper',
    plan: 'plan', 'plan-action': 'actie in het plan', 'plan-answer': 'akkoord of bezwaar op het plan', 'plan-comparison': 'vergelijking van planversies',
    'plan-goal': 'doel in het plan', 'plan-summary': 'stand van het plan', 'plan-version': 'planversie', 'plan-pdf': 'plan als pdf', 'plan-settings': 'planinstellingen',
    'assessment-course': 'verloop van de scores van een persoon', 'blind-spots': 'blinde vlekken', 'blind-spot-rules': 'regels voor blinde vlekken', 'blind-spot-rule': 'regel voor blinde vlekken', 'audit-log': 'auditlog', 'audit-verification': 'controle van het auditlog',
    authenticator: 'authenticator-app', 'break-glass': 'noodtoegang', 'break-glass-review': 'toetsing van noodtoegang',
    case: 'dossier', 'case-lead-times': 'doorlooptijden van het dossier', family: 'gezin', 'family-search': 'zoeken naar gezinnen',
    'family-timeline': 'tijdlijn van het gezin', handover: 'overdracht', 'handover-list': 'lijst van overdrachten',
    'lead-time-moment': 'moment in de doorlooptijd', 'network-member': 'netwerklid', organisation: 'organisatie', password: 'wachtwoord',
    person: 'persoon', 'person-match': 'mogelijke dubbele registratie', 'person-match-decision': 'besluit over een dubbele registratie',
    'person-match-elsewhere': 'registratie bij een andere organisatie', 'person-merge': 'samenvoeging van registraties',
    'refindex-match': 'match in de verwijsindex', 'refindex-registration': 'registratie in de verwijsindex', region: 'regio',
    'region-settings': 'regio-instellingen', session: 'sessie', signal: 'melding', 'signal-attachment': 'bijlage bij een melding',
    'signal-family-proposal': 'voorgesteld gezin bij een melding', 'signal-family-proposals': 'voorgestelde gezinnen bij een melding',
    'signal-list': 'lijst van meldingen', 'signal-triage': 'triage van een melding', 'signal-urgency': 'urgentie van een melding',
  },
  en: {
    account: 'account', 'access-log': 'access overview', assessment: 'assessment (integral picture)', assessments: 'assessments of the case',
    'council-settings': 'family network council settings', 'network-council': 'family network council', 'network-council-outcome': 'outcome of the family network council',
    safety: 'safety of the family', 'safety-assessment': 'safety assessment', 'safety-plan': 'safety plan', 'safety-review': 'behavioural scientist\'s review',
    plan: 'plan', 'plan-action': 'action in the plan', 'plan-answer': 'agreement or disagreement with the plan', 'plan-comparison': 'comparison of plan versions',
    'plan-goal': 'goal in the plan', 'plan-summary': 'state of the plan', 'plan-version': 'plan version', 'plan-pdf': 'plan as PDF', 'plan-settings': 'plan settings',
    'assessment-course': 'course of a person\'s scores', 'blind-spots': 'blind spots', 'blind-spot-rules': 'blind spot rules', 'blind-spot-rule': 'blind spot rule', 'audit-log': 'audit log', 'audit-verification': 'audit log check',
    authenticator: 'authenticator app', 'break-glass': 'emergency access', 'break-glass-review': 'review of emergency access',
    case: 'case', 'case-lead-times': 'lead times of the case', family: 'family', 'family-search': 'family search',
    'family-timeline': 'family timeline', handover: 'handover', 'handover-list': 'list of handovers',
    'lead-time-moment': 'lead-time moment', 'network-member': 'network member', organisation: 'organisation', password: 'password',
    person: 'person', 'person-match': 'possible duplicate registration', 'person-match-decision': 'decision on a duplicate registration',
    'person-match-elsewhere': 'registration at another organisation', 'person-merge': 'merge of registrations',
    'refindex-match': 'reference index match', 'refindex-registration': 'reference index registration', region: 'region',
    'region-settings': 'region settings', session: 'session', signal: 'signal', 'signal-attachment': 'signal attachment',
    'signal-family-proposal': 'proposed family for a signal', 'signal-family-proposals': 'proposed families for a signal',
    'signal-list': 'list of signals', 'signal-triage': 'triage of a signal', 'signal-urgency': 'urgency of a signal',
  },
};

/** The words for an audit row's object; an unknown code (from a newer server) shows as itself. */
export const auditObjectLabel = (code: string, lang: 'nl' | 'en') => AUDIT_OBJECT_LABELS[lang][code] ?? code;
