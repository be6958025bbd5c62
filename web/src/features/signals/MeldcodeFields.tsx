// The signal form's safety part: is safety at stake, and if so the Meldcode's five steps (done, notes).
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { TextInput } from '../../ui/forms.js';
import { Checkbox } from './controls.js';
import { useSignalLabels, useSignalT } from './texts.js';
import { STEPS } from './drafts.js';

type Steps = Record<string, { done: boolean; notes: string }>;

/** Safety at stake (a checkbox) and, when it is, per step of the Meldcode whether it was done, with notes. */
export function MeldcodeFields({
  safetyAtStake,
  onSafetyAtStake,
  steps,
  onSteps,
  errors,
}: {
  safetyAtStake: boolean;
  onSafetyAtStake: (v: boolean) => void;
  steps: Steps;
  onSteps: (steps: Steps) => void;
  errors: Record<string, string>;
}) {
  const t = useSignalT();
  const lbl = useSignalLabels();
  return (
    <fieldset className="utrecht-form-fieldset regie-fieldset">
      <legend className="utrecht-form-fieldset__legend">{t('safety')}</legend>
      <Checkbox label={t('safetyAtStake')} checked={safetyAtStake} onChange={onSafetyAtStake} />
      {safetyAtStake && (
        <>
          <Paragraph>
            <strong>{t('meldcode')}</strong> — {t('meldcodeIntro')}
          </Paragraph>
          {STEPS.map((s) => {
            const st = steps[s] ?? { done: false, notes: '' };
            return (
              <div key={s} className="regie-edit">
                <Checkbox label={lbl('step', s)} checked={st.done} onChange={(done) => onSteps({ ...steps, [s]: { ...st, done } })} />
                <TextInput
                  label={`${t('stepNotes', { n: s })} ${t('optional')}`}
                  value={st.notes}
                  field={`meldcodeSteps.${s}.notes`}
                  error={errors[`meldcodeSteps.${s}.notes`]}
                  onChange={(e) => onSteps({ ...steps, [s]: { ...st, notes: e.target.value } })}
                />
              </div>
            );
          })}
        </>
      )}
    </fieldset>
  );
}
