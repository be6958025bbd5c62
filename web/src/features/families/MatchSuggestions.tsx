import { useEffect, useState } from 'react';
import { Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post, type ApiResponse } from '../../api.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { fmtDate } from '../../ui/time.js';
import { ProblemAlert } from '../../ui/forms.js';
import type { PersonDraft } from './MemberForms.js';

type Match = ApiResponse<'POST', '/api/v1/persons/possible-matches'>['items'][number];

const dict = {
  nl: {
    possible: 'Mogelijk dezelfde persoon',
    same: 'Dit is dezelfde persoon',
    notSame: 'Niet dezelfde persoon',
    linked: 'Gekoppeld aan de bestaande registratie van {name}.',
    unlink: 'Koppeling ongedaan maken',
    elsewhere:
      'Er is mogelijk al een registratie van deze persoon bij een andere organisatie. Overleg met uw teamleider voordat u een tweede registratie maakt.',
    byBsn: 'zelfde BSN',
    byName: 'zelfde naam en geboortedatum',
    score: 'overeenkomst {pct}%',
  },
  en: {
    possible: 'Possibly the same person',
    same: 'This is the same person',
    notSame: 'Not the same person',
    linked: 'Linked to the existing record of {name}.',
    unlink: 'Undo link',
    elsewhere: 'This person may already be registered by another organisation. Consult your team lead before creating a second record.',
    byBsn: 'same BSN',
    byName: 'same name and birth date',
    score: '{pct}% alike',
  },
};

/**
 * Asks Regie for records that may be the same person as the member being typed, and lets the
 * professional confirm (link the existing record) or reject. Nothing is merged without a click.
 * Both answers are recorded by the server (and logged); a rejected record is not proposed again
 * for this person, also not later or to a colleague.
 */
export function MatchSuggestions({
  person,
  existingPersonId,
  rejected,
  onConfirm,
  onReject,
}: {
  person: PersonDraft;
  existingPersonId?: string;
  rejected: string[];
  onConfirm: (personId: string | undefined, name?: string) => void;
  onReject: (personId: string) => void;
}) {
  const t = useLocalT(dict);
  const { lang } = useI18n();
  const [result, setResult] = useState<{ items: Match[]; possibleElsewhere: boolean } | null>(null);
  const [linkedName, setLinkedName] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = `${person.givenNames}|${person.familyNamePrefix}|${person.familyName}|${person.birthDate}|${person.bsn}`;
  const subject = () => ({
    givenNames: person.givenNames.trim(),
    familyName: person.familyName.trim(),
    ...(person.familyNamePrefix.trim() ? { familyNamePrefix: person.familyNamePrefix.trim() } : {}),
    ...(person.birthDate ? { birthDate: person.birthDate } : {}),
    ...(/^\d{9}$/.test(person.bsn) ? { bsn: person.bsn } : {}),
  });
  const decide = async (m: Match, decision: 'confirmations' | 'rejections') => {
    setError(null);
    try {
      await post(decision === 'confirmations' ? '/api/v1/person-match-confirmations' : '/api/v1/person-match-rejections', {
        body: { subject: subject(), candidatePersonId: m.personId },
      });
      if (decision === 'confirmations') {
        setLinkedName(m.fullName);
        onConfirm(m.personId, m.fullName);
      } else onReject(m.personId);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    if (!person.givenNames.trim() || !person.familyName.trim() || (!person.birthDate && !/^\d{9}$/.test(person.bsn))) {
      setResult(null);
      return;
    }
    const h = setTimeout(() => {
      post('/api/v1/persons/possible-matches', { body: subject() }).then(setResult, () => setResult(null));
    }, 500);
    return () => clearTimeout(h);
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- `key` is the person's matching fields; a new render with the same person asks nothing

  if (existingPersonId)
    return (
      <Alert type="ok">
        <Paragraph>
          {t('linked', { name: linkedName ?? '' })}{' '}
          <Button appearance="subtle-button" onClick={() => onConfirm(undefined)}>
            {t('unlink')}
          </Button>
        </Paragraph>
      </Alert>
    );
  const open = result?.items.filter((m) => !rejected.includes(m.personId)) ?? [];
  return (
    <>
      <ProblemAlert error={error} />
      {open.map((m) => (
        <Alert key={m.personId} type="warning">
          <Paragraph>
            <strong>{t('possible')}:</strong> {m.fullName}
            {m.birthDate && `, ${fmtDate(m.birthDate, lang)}`}
            {m.familyName && ` — ${m.familyName}`} ({m.reason === 'bsn' ? t('byBsn') : t('byName')}
            {m.score !== undefined && m.reason !== 'bsn' ? `, ${t('score', { pct: Math.round(m.score * 100) })}` : ''})
          </Paragraph>
          <div className="regie-actions">
            <Button
              appearance="primary-action-button"
              onClick={() => {
                void decide(m, 'confirmations');
              }}
            >
              {t('same')}
            </Button>
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                void decide(m, 'rejections');
              }}
            >
              {t('notSame')}
            </Button>
          </div>
        </Alert>
      ))}
      {result?.possibleElsewhere && open.length === 0 && (
        <Alert type="info">
          <Paragraph>{t('elsewhere')}</Paragraph>
        </Alert>
      )}
    </>
  );
}
