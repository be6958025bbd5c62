// Adding an action with its owner to the draft, with the offer to add the owner's organisation to the case team.
import { Button } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import { fieldErrors, ProblemAlert, Select, SubmitForm, TextArea } from '../../ui/forms.js';
import { DateInput } from '../../ui/date-fields.js';
import { useActionDraft } from './action-draft.js';
import { OwnerFields } from './OwnerFields.js';
import { TeamOffer } from './TeamOffer.js';
import { usePlanT } from './texts.js';
import type { Overview, Version } from './VersionContent.js';

export function ActionForm({ overview, draft, onSaved }: { overview: Overview; draft: Version; onSaved: () => void }) {
  const t = usePlanT();
  const { lang } = useI18n();
  const { a, setA, offer, setOffer, member, setMember, error, submit, addAndSave } = useActionDraft(overview, draft, onSaved);
  const errors = fieldErrors(error, lang);
  return (
    <details className="regie-disclosure">
      <summary>{t('addAction')}</summary>
      <ProblemAlert error={error} />
      <SubmitForm onSubmit={submit}>
        <TextArea
          label={t('description')}
          name="actionDescription"
          value={a.description}
          onChange={(e) => setA({ ...a, description: e.target.value })}
          error={errors.description}
        />
        <OwnerFields overview={overview} a={a} setA={setA} errors={errors} onOrganisation={() => setOffer(null)} />
        <DateInput label={t('dueOn')} name="dueOn" value={a.dueOn} onChange={(v) => setA({ ...a, dueOn: v })} error={errors.dueOn} />
        <Select
          label={t('goal')}
          name="goalId"
          value={a.goalId}
          onChange={(e) => setA({ ...a, goalId: e.target.value })}
          error={errors.goalId}
          options={draft.goals.map((g) => ({ value: g.id, label: g.description }))}
        />
        <Button appearance="secondary-action-button" type="submit">
          {t('addAction')}
        </Button>
      </SubmitForm>
      {offer && <TeamOffer offer={offer} member={member} setMember={setMember} errors={errors} onSubmit={addAndSave} />}
    </details>
  );
}
