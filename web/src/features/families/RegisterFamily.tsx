import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post, ApiError } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { A, useNavigate } from '../../router.js';
import { useSession } from '../../session.js';
import { DraftNotice, ProblemAlert, Select, SubmitForm, SubmitRow, TextInput, useDraft, useFormAction } from '../../ui/forms.js';
import { emptyPerson, PersonFields, personPayload, type PersonDraft } from './MemberForms.js';
import { useProfessionals } from './CaseSection.js';
import { legalBasisOptions, professionalOptions } from './CaseForms.js';
import { MatchSuggestions } from './MatchSuggestions.js';

type MemberDraft = PersonDraft & { existingPersonId?: string; rejected?: string[] };
interface Draft {
  name: string;
  members: MemberDraft[];
  network: { name: string; relation: string }[];
  coordinatorUserId: string;
  legalBasis: string;
}

/** Register a household once, with all its members, and open its case in the same step. */
export function RegisterFamily() {
  const navigate = useNavigate();
  const { t, label } = useI18n();
  const { session } = useSession();
  const me = session!.user;
  const pros = useProfessionals(true);
  const initial: Draft = {
    name: '',
    members: [emptyPerson('parent'), emptyPerson('child')],
    network: [],
    coordinatorUserId: me.roles.includes('coordinator') ? me.id : '',
    legalBasis: '',
  };
  const [d, setD, draft] = useDraft<Draft>(`${me.id}.register-family`, initial);
  // A refusal is shown at the top of the page: scroll there.
  const { error, busy, run, errors, bind } = useFormAction(d, setD, { onError: () => window.scrollTo(0, 0) });
  const existing = error instanceof ApiError ? (error.problem.existingFamilyId as string | undefined) : undefined;

  const submit = () =>
    run(async () => {
      const r = await post('/api/v1/families', {
        body: {
          ...(d.name.trim() ? { name: d.name.trim() } : {}),
          members: d.members.map(({ existingPersonId, rejected: _r, ...m }) => ({
            ...personPayload(m),
            ...(existingPersonId ? { existingPersonId } : {}),
          })),
          network: d.network.filter((n) => n.name.trim()).map((n) => ({ name: n.name.trim(), relation: n.relation || 'other' })),
          case: { coordinatorUserId: d.coordinatorUserId, legalBasis: d.legalBasis },
        },
      });
      draft.clear();
      navigate(`/gezinnen/${r.id}`);
    });

  return (
    <>
      <Heading level={1}>{t('registerFamily')}</Heading>
      <DraftNotice draft={draft} />
      <ProblemAlert error={error}>
        {existing && (
          <Paragraph>
            <A href={`/gezinnen/${existing}`}>{t('openExisting')}</A>
          </Paragraph>
        )}
      </ProblemAlert>
      <SubmitForm onSubmit={submit}>
        <TextInput label={`${t('familyNameLabel')} ${t('optional')}`} hint={t('familyNameHint')} {...bind('name')} />
        {d.members.map((m, i) => (
          <fieldset key={i} className="utrecht-form-fieldset regie-fieldset">
            <legend className="utrecht-form-fieldset__legend">
              {t('members')} {i + 1}
              {m.givenNames && `: ${m.givenNames}`}
            </legend>
            <PersonFields
              value={m}
              prefix={`members[${i}].`}
              errors={errors}
              onChange={(p) => setD({ ...d, members: d.members.map((x, j) => (j === i ? { ...x, ...p } : x)) })}
            />
            <MatchSuggestions
              person={m}
              existingPersonId={m.existingPersonId}
              rejected={m.rejected ?? []}
              onConfirm={(id) => setD({ ...d, members: d.members.map((x, j) => (j === i ? { ...x, existingPersonId: id } : x)) })}
              onReject={(id) =>
                setD({ ...d, members: d.members.map((x, j) => (j === i ? { ...x, rejected: [...(x.rejected ?? []), id] } : x)) })
              }
            />
            {d.members.length > 1 && (
              <Button appearance="subtle-button" onClick={() => setD({ ...d, members: d.members.filter((_, j) => j !== i) })}>
                {t('remove')}
              </Button>
            )}
          </fieldset>
        ))}
        <Button appearance="secondary-action-button" onClick={() => setD({ ...d, members: [...d.members, emptyPerson('child')] })}>
          {t('addAnother')}
        </Button>

        <fieldset className="utrecht-form-fieldset regie-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('network')}</legend>
          {d.network.map((n, i) => (
            <div className="regie-grid" key={i}>
              <TextInput
                label={t('name')}
                value={n.name}
                onChange={(e) => setD({ ...d, network: d.network.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })}
              />
              <Select
                label={t('relation')}
                value={n.relation}
                onChange={(e) => setD({ ...d, network: d.network.map((x, j) => (j === i ? { ...x, relation: e.target.value } : x)) })}
                options={['grandparent', 'other_family', 'neighbour', 'friend', 'other'].map((r) => ({ value: r, label: label(r) }))}
              />
            </div>
          ))}
          <Button appearance="secondary-action-button" onClick={() => setD({ ...d, network: [...d.network, { name: '', relation: '' }] })}>
            {t('addNetwork')}
          </Button>
        </fieldset>

        <fieldset className="utrecht-form-fieldset regie-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('caseSection')}</legend>
          <div className="regie-grid">
            <Select
              label={t('coordinator')}
              hint={t('coordinatorHint')}
              {...bind('coordinatorUserId', 'case.coordinatorUserId')}
              options={professionalOptions(pros)}
            />
            <Select label={t('legalBasis')} {...bind('legalBasis', 'case.legalBasis')} options={legalBasisOptions(label)} />
          </div>
        </fieldset>
        <SubmitRow label={t('register')} busy={busy}>
          {draft.savedAt && (
            <span className="regie-muted" role="status">
              {t('draftSaved')}
            </span>
          )}
        </SubmitRow>
      </SubmitForm>
    </>
  );
}
