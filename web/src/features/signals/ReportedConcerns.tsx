// The reported part of a signal's facts (SignalFacts.tsx): what was seen, the concerns per life
// domain, and whether safety is at stake with the Meldcode steps taken.
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { DataList } from './controls.js';
import { useSignalLabels, useSignalT } from './texts.js';
import { STEPS, type SignalDetailData } from './drafts.js';

/** What was seen, the concerns and safety, each under its own heading. */
export function ReportedConcerns({ signal: s }: { signal: SignalDetailData }) {
  const t = useSignalT();
  const lbl = useSignalLabels();
  const concerns = Object.entries(s.concerns);
  return (
    <>
      <Heading level={3}>{t('whatSeen')}</Heading>
      <Paragraph style={{ whiteSpace: 'pre-line' }}>{s.whatSeen}</Paragraph>
      <Heading level={3}>{t('concerns')}</Heading>
      {concerns.length === 0 ? (
        <Paragraph>{t('noConcerns')}</Paragraph>
      ) : (
        <DataList items={concerns.map(([k, v]) => [lbl('domain', k), v])} />
      )}
      <Heading level={3}>{t('safety')}</Heading>
      <Paragraph>
        {t('safetyAtStake')}: <strong>{s.safetyAtStake ? t('yes') : t('no')}</strong>
      </Paragraph>
      {s.safetyAtStake && (
        <ul className="utrecht-unordered-list" aria-label={t('meldcode')}>
          {STEPS.map((n) => {
            const st = s.meldcodeSteps[n];
            return (
              <li key={n} className="utrecht-unordered-list__item">
                {lbl('step', n)}: <strong>{st?.done ? t('stepDone') : t('stepNotDone')}</strong>
                {st?.notes && ` — ${st.notes}`}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
