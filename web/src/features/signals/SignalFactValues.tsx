// The longer values in a signal's facts (SignalFacts.tsx): its urgency and how it changed, whom it
// is about, the persons named, the case it joined, and whether it is a re-report.
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { fmtDate, fmtDateTime } from '../../ui/time.js';
import { useSignalLabels, useSignalT } from './texts.js';
import { fullName, type SignalDetailData } from './drafts.js';

type Signal = { signal: SignalDetailData };

/** The urgency, raised by safety at stake or lowered by the receiving organisation (by whom, when, why). */
export function UrgencyValue({ signal: s }: Signal) {
  const { lang } = useI18n();
  const t = useSignalT();
  const lbl = useSignalLabels();
  return (
    <>
      {lbl('urgency', s.urgency)}
      {s.urgencyChange?.raised && (
        <>
          <br />
          <span className="regie-muted">
            {t('urgencyRaised', { from: lbl('urgency', s.urgencyChange.reported), to: lbl('urgency', 'high') })}
          </span>
        </>
      )}
      {s.urgencyChange?.lowered && (
        <>
          <br />
          <span>
            {t('urgencyLoweredBy', {
              name: s.urgencyChange.lowered.byName ?? '—',
              date: fmtDateTime(s.urgencyChange.lowered.at, lang),
            })}
            {s.urgencyChange.lowered.reason && (
              <>
                : <q>{s.urgencyChange.lowered.reason}</q>
              </>
            )}
          </span>
        </>
      )}
    </>
  );
}

/** Whom the signal is about: the person or family, or the description; BSN and place when given. */
export function SubjectValue({ signal: s }: Signal) {
  const t = useSignalT();
  return (
    <>
      {s.subject.label ?? s.subject.description ?? '—'}
      {s.subject.bsn && (
        <>
          <br />
          {t('bsn')}: {s.subject.bsn}
        </>
      )}
      {s.subject.place && (
        <>
          <br />
          {t('place')}: {s.subject.place}
        </>
      )}
    </>
  );
}

/** The persons the reporter named, with their birth dates when known. */
export function SubjectPersonsValue({ signal: s }: Signal) {
  const { lang } = useI18n();
  const t = useSignalT();
  return (
    <ul className="utrecht-unordered-list">
      {s.subject.persons.map((p, i) => (
        <li key={i} className="utrecht-unordered-list__item">
          {fullName(p)}
          {p.birthDate && `, ${t('bornOn')} ${fmtDate(p.birthDate, lang)}`}
        </li>
      ))}
    </ul>
  );
}

/** The case the signal joined: a link to the family for its team, else that there is one (or none). */
export function LinkedCaseValue({ signal: s }: Signal) {
  const t = useSignalT();
  if (!s.caseId || !s.subject.familyId) return t('noLinkedCase');
  return s.access.mayOpenFamily ? <A href={`/gezinnen/${s.subject.familyId}`}>{t('openFamily')}</A> : t('linkedNotOnTeam');
}

/** Whether the signal is about a family whose case closed not long ago, and which case that was. */
export function ReReportValue({ signal: s }: Signal) {
  const { lang } = useI18n();
  const t = useSignalT();
  if (!s.reReport) return '—';
  return (
    <>
      <strong>{t('reReportText')}</strong>
      {s.reReportCase && (
        <>
          <br />
          {t('reReportCase', {
            family: s.reReportCase.familyName,
            date: s.reReportCase.closedAt ? fmtDate(s.reReportCase.closedAt, lang) : '—',
          })}
        </>
      )}
    </>
  );
}
