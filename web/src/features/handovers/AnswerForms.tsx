// The receiver's answer to a handover: accept it (naming the coordinator) or refuse it (with a reason).
import { useEffect, useState } from 'react';
import { Button, Heading } from '@rijkshuisstijl-community/components-react';
import { post, type ApiResponse } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { useSession } from '../../session.js';
import { fieldErrors, FieldScope, ProblemAlert, Select, SubmitForm, TextArea } from '../../ui/forms.js';
import { ConfirmPanel, useConfirmStep } from '../../ui/confirm.js';
import { Arrival } from './HandoverArrival.js';
import { useAcceptLines, type Accepted } from './AcceptConfirm.js';
import { useHandoverT } from './texts.js';

type HandoverDetailData = ApiResponse<'GET', '/api/v1/handovers/:handoverId'>;
type Professional = ApiResponse<'GET', '/api/v1/professionals'>['items'][number];

export function AnswerForms({ h, onDone }: { h: HandoverDetailData; onDone: (msg: string, accepted?: Accepted) => void }) {
  const t = useHandoverT();
  const { lang } = useI18n();
  const { session } = useSession();
  const [nominee, setNominee] = useState('');
  const [reason, setReason] = useState('');
  // Handover from another region: confirmed possible matches (package person → person here) and the family to use.
  const [same, setSame] = useState<Record<string, string>>({});
  const [family, setFamily] = useState('new');
  const [acceptError, setAcceptError] = useState<unknown>(null);
  const [refuseError, setRefuseError] = useState<unknown>(null);
  const qualified = useApi('/api/v1/professionals', { query: { qualified: 'true' } }).data?.items;
  const pros: Professional[] = qualified?.filter((p) => p.organisationId === session?.user.organisationId) ?? [];
  // The professional the sender named is the first choice, when they can coordinate.
  const named = h.toUser && pros.some((p) => p.id === h.toUser!.id) ? h.toUser.id : '';
  useEffect(() => {
    if (named) setNominee((n) => n || named);
  }, [named]);
  const name = pros.find((p) => p.id === nominee)?.displayName ?? '';
  // From another region, accepting registers the family here and may close the sender's case:
  // with a coordinator chosen, a confirm step first.
  const step = useConfirmStep();
  const confirm = useAcceptLines(h, { nominee: name, nomineeId: nominee, same, family });
  const accept = async () => {
    setAcceptError(null);
    try {
      const persons = Object.entries(same)
        .filter(([, v]) => v !== 'new')
        .map(([personId, existingPersonId]) => ({ personId, existingPersonId }));
      const r = await post('/api/v1/handovers/:handoverId/accept', {
        params: { handoverId: h.id },
        body: {
          nomineeUserId: nominee,
          version: h.version,
          ...(h.arrival ? { familyId: family === 'new' ? undefined : family, persons } : {}),
        },
      });
      if (h.crossRegion) onDone(t('arrivedNotice', { name }), { nominee: name, familyId: r.familyId ?? null, caseId: r.caseId ?? null });
      else onDone(h.arrival ? t('arrivedNotice', { name }) : t('acceptedNotice', { name }));
      return true;
    } catch (e) {
      setAcceptError(e);
      return false;
    }
  };
  const refuse = async () => {
    setRefuseError(null);
    try {
      await post('/api/v1/handovers/:handoverId/refuse', { params: { handoverId: h.id }, body: { reason, version: h.version } });
      onDone(t('refusedNotice'));
    } catch (e) {
      setRefuseError(e);
    }
  };
  const aErr = fieldErrors(acceptError, lang);
  const rErr = fieldErrors(refuseError, lang);
  return (
    <div className="regie-answer-grid">
      <section aria-labelledby="accept-title" className="regie-section">
        <Heading level={2} id="accept-title">
          {t('acceptTitle')}
        </Heading>
        <FieldScope name="accept">
          <ProblemAlert error={acceptError} />
          <form
            ref={step.formRef}
            hidden={step.open}
            onSubmit={(e) => {
              e.preventDefault();
              if (h.crossRegion && nominee) step.ask();
              else void accept();
            }}
            noValidate
          >
            {h.arrival && <Arrival h={h} same={same} setSame={setSame} family={family} setFamily={setFamily} errors={aErr} />}
            <Select
              label={t('nomineeLabel')}
              hint={t('nomineeHint')}
              value={nominee}
              onChange={(e) => setNominee(e.target.value)}
              field="nomineeUserId"
              error={aErr.nomineeUserId}
              options={pros.map((p) => ({ value: p.id, label: p.displayName }))}
            />
            <Button appearance="primary-action-button" type="submit">
              {t('accept')}
            </Button>
          </form>
          {step.open && (
            <ConfirmPanel step={step} lines={confirm.lines} confirmLabel={confirm.confirmLabel} onConfirm={() => void step.run(accept)} />
          )}
        </FieldScope>
      </section>
      <section aria-labelledby="refuse-title" className="regie-section">
        <Heading level={2} id="refuse-title">
          {t('refuseTitle')}
        </Heading>
        <FieldScope name="refuse">
          <SubmitForm onSubmit={refuse}>
            <ProblemAlert error={refuseError} />
            <TextArea
              label={t('refusalReason')}
              hint={t('refuseHint')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              field="reason"
              error={rErr.reason}
            />
            <Button appearance="secondary-action-button" type="submit">
              {t('refuse')}
            </Button>
          </SubmitForm>
        </FieldScope>
      </section>
    </div>
  );
}
