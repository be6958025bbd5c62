// The signal form's concerns per life domain: a checkbox per domain, and what worries when it is ticked.
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { TextArea } from '../../ui/forms.js';
import { Checkbox } from './controls.js';
import { useSignalLabels, useSignalT } from './texts.js';
import { CHILD_DOMAINS, DOMAINS } from './drafts.js';

type Concerns = Record<string, { on: boolean; text: string }>;

/** A checkbox per life domain (some asked only about children); a ticked one asks what the concern is. */
export function ConcernFields({
  concerns,
  onChange,
  errors,
}: {
  concerns: Concerns;
  onChange: (concerns: Concerns) => void;
  errors: Record<string, string>;
}) {
  const t = useSignalT();
  const lbl = useSignalLabels();
  return (
    <fieldset className="utrecht-form-fieldset regie-fieldset">
      <legend className="utrecht-form-fieldset__legend">{t('concerns')}</legend>
      <Paragraph className="regie-muted">{t('concernsHint')}</Paragraph>
      <div className="regie-grid">
        {DOMAINS.map((dom) => {
          const c = concerns[dom] ?? { on: false, text: '' };
          const setC = (v: { on: boolean; text: string }) => onChange({ ...concerns, [dom]: v });
          const name = `${lbl('domain', dom)}${CHILD_DOMAINS.includes(dom) ? ` (${t('childOnly')})` : ''}`;
          return (
            <div key={dom}>
              <Checkbox label={name} checked={c.on} onChange={(on) => setC({ ...c, on })} />
              {c.on && (
                <TextArea
                  label={`${t('concerns')}: ${lbl('domain', dom)}`}
                  rows={2}
                  value={c.text}
                  field={`concerns.${dom}`}
                  error={errors[`concerns.${dom}`]}
                  onChange={(e) => setC({ ...c, text: e.target.value })}
                />
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
