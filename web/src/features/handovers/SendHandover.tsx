// Sending a case to another organisation with its information package, also to an organisation
// in another region when the family moves (grouped by region in the picker). Signals are handed
// over from the triage screen (the triage decision "hand over").
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { DraftNotice, ProblemAlert, Select, SubmitForm } from '../../ui/forms.js';
import { ReceiverSelect } from '../../ui/ReceiverSelect.js';
import { HandoverPersons } from './HandoverPersons.js';
import { PackageFields } from './PackageFields.js';
import { ReceivingProfessional } from './ReceivingProfessional.js';
import { useHandoverT } from './texts.js';
import { useSendHandover } from './useSendHandover.js';

export function SendHandover() {
  const t = useHandoverT();
  const { t: tt } = useI18n();
  const send = useSendHandover();
  const { caseId, setCaseId, d, setD, set, draft, bind, errors, error, submit } = send;
  const { cases, chosen, members, receivers, receiver, elsewhere, ownRegionId } = send;

  return (
    <>
      <Paragraph>
        <A href="/overdrachten">{t('back')}</A>
      </Paragraph>
      <Heading level={1}>{t('sendTitle')}</Heading>
      <Paragraph>{t('sendIntro')}</Paragraph>
      <DraftNotice draft={draft} about={chosen?.name} />
      <ProblemAlert error={error} />
      {cases && cases.length === 0 && <Paragraph>{t('noCases')}</Paragraph>}
      <SubmitForm onSubmit={submit}>
        <div className="regie-grid">
          <Select
            label={t('chooseCase')}
            hint={t('chooseCaseHint')}
            name="caseId"
            value={caseId}
            onChange={(e) => setCaseId(e.target.value)}
            field="caseId"
            error={errors.caseId}
            options={(cases ?? []).map((c) => ({ value: c.caseId, label: c.name }))}
          />
          <div className="regie-receiver">
            <ReceiverSelect
              name="toOrganisationId"
              label={t('receiver')}
              hint={t('receiverHint')}
              regionsHint={t('receiverHintRegions')}
              t={t}
              receivers={receivers}
              ownRegionId={ownRegionId}
              value={d.toOrganisationId}
              onChange={(v) => setD((prev) => ({ ...prev, toOrganisationId: v, toUserId: '' }))}
              error={errors.toOrganisationId}
            />
          </div>
          {receiver && !elsewhere && (
            <ReceivingProfessional
              organisationId={receiver.id}
              value={d.toUserId ?? ''}
              onChange={(v) => set('toUserId', v)}
              field="toUserId"
              error={errors.toUserId}
            />
          )}
        </div>
        {receiver && elsewhere && (
          <Alert type="info">
            <Paragraph>{t('elsewhereNote', { org: receiver.name, region: receiver.regionName })}</Paragraph>
          </Alert>
        )}
        {members.length > 0 && (
          <HandoverPersons members={members} value={d.personIds} onChange={(ids) => set('personIds', ids)} error={errors.personIds} />
        )}
        <PackageFields bind={bind} />
        <div className="regie-actions">
          <Button appearance="primary-action-button" type="submit">
            {t('send')}
          </Button>
          {draft.savedAt && (
            <span className="regie-muted" role="status">
              {tt('draftSaved')}
            </span>
          )}
        </div>
      </SubmitForm>
    </>
  );
}
