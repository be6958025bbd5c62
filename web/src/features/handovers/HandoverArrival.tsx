// How the family of a handover from another region arrives: who is who here, and the family to use.
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { ApiResponse } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { fmtDate } from '../../ui/time.js';
import { RadioGroup } from '../signals/controls.js';
import { useHandoverT } from './texts.js';

type HandoverDetailData = ApiResponse<'GET', '/api/v1/handovers/:handoverId'>;

/** How the family of a handover from another region arrives: per person, and the family to use. */
export function Arrival({
  h,
  same,
  setSame,
  family,
  setFamily,
  errors,
}: {
  h: HandoverDetailData;
  same: Record<string, string>;
  setSame: (v: Record<string, string>) => void;
  family: string;
  setFamily: (v: string) => void;
  errors: Record<string, string>;
}) {
  const t = useHandoverT();
  const { lang } = useI18n();
  const arrival = h.arrival!;
  const families = [
    ...new Map(
      arrival.persons
        .flatMap((p) => p.candidates)
        .filter((c) => c.familyId)
        .map((c) => [c.familyId!, c.familyName ?? '']),
    ).entries(),
  ];
  return (
    <div className="regie-arrival">
      <Heading level={3}>{t('arrivalTitle')}</Heading>
      <Paragraph>{t('arrivalIntro', { region: h.fromOrganisation.regionName })}</Paragraph>
      <ul className="utrecht-unordered-list">
        {arrival.persons.map((a, i) => {
          const p = h.persons.find((x) => x.personId === a.personId);
          const name = p?.name ?? '';
          const error =
            errors[
              `persons[${Object.keys(same)
                .filter((k) => same[k] !== 'new')
                .indexOf(a.personId)}].existingPersonId`
            ];
          return (
            <li key={a.personId} className="utrecht-unordered-list__item">
              <strong>{name}</strong>
              {a.bsnKnown ? ` — ${t('bsnKnown')}` : a.candidates.length === 0 ? ` — ${t('newPerson')}` : null}
              {!a.bsnKnown && a.candidates.length > 0 && (
                <RadioGroup
                  legend={t('whichPerson', { name })}
                  name={`same-${i}`}
                  value={same[a.personId] ?? 'new'}
                  error={error}
                  onChange={(v) => setSame({ ...same, [a.personId]: v })}
                  options={[
                    { value: 'new', label: t('registerNew') },
                    ...a.candidates.map((c) => ({
                      value: c.personId,
                      label: t('samePerson', {
                        name: c.fullName,
                        date: fmtDate(c.birthDate, lang),
                        family: c.familyName ? t('familyPart', { family: c.familyName }) : '',
                      }),
                    })),
                  ]}
                />
              )}
              {!a.bsnKnown && a.possibleElsewhere && <div className="regie-muted">{t('possibleElsewhere')}</div>}
            </li>
          );
        })}
      </ul>
      {families.length > 0 && (
        <RadioGroup
          legend={t('familyChoice')}
          name="arrival-family"
          value={family}
          field="familyId"
          error={errors.familyId}
          onChange={setFamily}
          options={[
            { value: 'new', label: t('newFamily') },
            ...families.map(([id, name]) => ({ value: id, label: t('existingFamily', { name }) })),
          ]}
        />
      )}
    </div>
  );
}
