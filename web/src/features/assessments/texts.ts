// Dutch and English texts of the integral picture: the panel on the family page, the form to
// record an assessment, a person's course and the administrator's blind-spot rules.
import { useLocalT } from '../../i18n.js';

const nl = {
  panelTitle: 'Integraal beeld', panelIntro: 'De laatste score per persoon en levensdomein (1 = acute problemen, 5 = zelfredzaam). De blik van de professional en die van het gezin staan naast elkaar.',
  noScores: 'Nog geen integraal beeld vastgelegd.', record: 'Integraal beeld vastleggen', course: 'Verloop van {name}',
  domain: 'Levensdomein', professional: 'Professional', family: 'Gezin', person: 'Persoon', notScored: '—',
  blindSpots: 'Blinde vlekken', unassessedTitle: 'Niet gescoorde domeinen', unassessedNone: 'Alle domeinen zijn gescoord.',
  unassessedOf_one: '{name}: 1 domein nog niet gescoord', unassessedOf_other: '{name}: {n} domeinen nog niet gescoord', partnersTitle: 'Partners die de situatie vraagt',
  partnersNone: 'De situatie vraagt (nog) geen partner die ontbreekt.', onTeam: 'in het casusteam', notOnTeam: 'niet in het casusteam',
  contributed: 'heeft gescoord', notContributed: 'heeft nog niet gescoord',
  countsLine: '{needed} partners nodig · {onTeam} in het team · {contributed} hebben bijgedragen · {missing} ontbreken',
  rule_school_age_child: 'kind in de schoolgaande leeftijd', rule_young_child: 'jong kind', rule_child_safety_concern: 'zorg over de veiligheid van een kind',
  rule_housing_low: 'huisvesting laag gescoord', rule_mental_health_low: 'geestelijke gezondheid laag gescoord',
  because: 'vanwege: {why}',
  recordTitle: 'Integraal beeld vastleggen', recordIntro: 'Score per persoon de domeinen die u kent. Laat een domein leeg als u het niet kunt beoordelen: het blijft dan zichtbaar als blinde vlek.',
  assessedOn: 'Datum van het integraal beeld', view: 'Wiens blik', viewProfessional: 'De blik van de professional', viewFamily: 'De blik van het gezin (in hun woorden)',
  score: 'Score', rationale: 'Onderbouwing', scoreOf: 'Score {domain} van {name}', rationaleOf: 'Onderbouwing {domain} van {name}', noScore: 'niet gescoord',
  save: 'Opslaan', saving: 'Bezig met opslaan…', saved: 'Het integraal beeld is opgeslagen.', backToFamily: 'Terug naar het gezin', nothingFilled: 'Vul minstens één score in.',
  age: '{age} jaar', ageUnknown: 'leeftijd onbekend',
  courseTitle: 'Verloop van het integraal beeld', courseIntro: 'Per levensdomein de scores over de tijd; beide blikken naast elkaar.',
  chartLabel: 'Grafiek van {domain}: scores over de tijd (de tabel hieronder geeft dezelfde gegevens)', tableCaption: 'Scores van {domain} over de tijd',
  date: 'Datum', organisation: 'Organisatie', noCourse: 'Voor deze persoon is nog niets gescoord.',
  rulesTitle: 'Regels voor blinde vlekken', rulesIntro: 'Welke situatie van een gezin om welke partner in het casusteam vraagt. Een dossier waar die partner ontbreekt, toont dat als blinde vlek.',
  ruleEnabled: 'Regel staat aan', partnerType: 'Partner', minAge: 'Vanaf leeftijd (jaar)', maxAge: 'Tot en met leeftijd (jaar)', maxScore: 'Bij een score van ten hoogste',
  ruleSaved: 'De regel is opgeslagen.', stale: 'Iemand anders heeft deze regel intussen gewijzigd. De nieuwste versie is geladen; controleer en sla opnieuw op.',
};
const en: Record<keyof typeof nl, string> = {
  panelTitle: 'Integral picture', panelIntro: 'The latest score per person and life domain (1 = acute problems, 5 = self-sufficient). The professional\'s view and the family\'s view side by side.',
  noScores: 'No integral picture recorded yet.', record: 'Record an integral picture', course: 'Course of {name}',
  domain: 'Life domain', professional: 'Professional', family: 'Family', person: 'Person', notScored: '—',
  blindSpots: 'Blind spots', unassessedTitle: 'Domains not scored', unassessedNone: 'Every domain has been scored.',
  unassessedOf_one: '{name}: 1 domain not yet scored', unassessedOf_other: '{name}: {n} domains not yet scored', partnersTitle: 'Partners the situation calls for',
  partnersNone: 'The situation does not (yet) call for a missing partner.', onTeam: 'on the case team', notOnTeam: 'not on the case team',
  contributed: 'has scored', notContributed: 'has not scored yet',
  countsLine: '{needed} partners needed · {onTeam} on the team · {contributed} contributed · {missing} missing',
  rule_school_age_child: 'school-age child', rule_young_child: 'young child', rule_child_safety_concern: 'concern about a child\'s safety',
  rule_housing_low: 'housing scored low', rule_mental_health_low: 'mental health scored low',
  because: 'because of: {why}',
  recordTitle: 'Record an integral picture', recordIntro: 'Score the domains you know for each person. Leave a domain empty if you cannot judge it: it then stays visible as a blind spot.',
  assessedOn: 'Date of the integral picture', view: 'Whose view', viewProfessional: 'The professional\'s view', viewFamily: 'The family\'s view (in their words)',
  score: 'Score', rationale: 'Rationale', scoreOf: 'Score {domain} of {name}', rationaleOf: 'Rationale {domain} of {name}', noScore: 'not scored',
  save: 'Save', saving: 'Saving…', saved: 'The integral picture has been saved.', backToFamily: 'Back to the family', nothingFilled: 'Fill in at least one score.',
  age: '{age} years', ageUnknown: 'age unknown',
  courseTitle: 'Course of the integral picture', courseIntro: 'Per life domain the scores over time; both views side by side.',
  chartLabel: 'Chart of {domain}: scores over time (the table below gives the same data)', tableCaption: 'Scores of {domain} over time',
  date: 'Date', organisation: 'Organisation', noCourse: 'Nothing has been scored for this person yet.',
  rulesTitle: 'Blind-spot rules', rulesIntro: 'Which situation of a family calls for which partner on the case team. A case without that partner shows it as a blind spot.',
  ruleEnabled: 'Rule is on', partnerType: 'Partner', minAge: 'From age (years)', maxAge: 'Up to and including age (years)', maxScore: 'At a score of at most',
  ruleSaved: 'The rule has been saved.', stale: 'Someone else changed this rule in the meantime. The latest version has been loaded; check and save again.',
};
export type Key = keyof typeof nl;
export const TEXTS = { nl, en };
export function useAssessmentT() { return useLocalT<Key>(TEXTS); }
