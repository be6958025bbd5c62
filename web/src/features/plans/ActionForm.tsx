// Adding an action with its owner to the draft, with the offer to add the owner's organisation to the case team.
import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ApiError, post } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { fieldErrors, ProblemAlert, Select, SubmitForm, TextArea, useAction } from '../../ui/forms.js';
import { DateInput } from '../../ui/date-fields.js';
import { usePlanT } from './texts.js';
import type { Overview, Version } from './VersionContent.js';

type Offer = { organisationId: string; organisationName: string; users: Array<{ id: string; name: string }> };

export function ActionForm({ overview, draft, onSaved }: { overview: Overview; draft: Version; onSaved: () => void }) {
  const t = usePlanT();
  const { lang } = useI18n();
  const orgs = useApi('/api/v1/organisations').data?.items ?? [];
  const empty = {
    description: '',
    kind: 'organisation',
    organisationId: '',
    userId: '',
    personId: '',
    networkMemberId: '',
    dueOn: '',
    goalId: '',
  };
  const [a, setA] = useState(empty);
  const [offer, setOffer] = useState<Offer | null>(null);
  const [member, setMember] = useState({ userId: '', legalBasis: 'consent' });
  const { error, run } = useAction();
  const errors = fieldErrors(error, lang);
  const team = overview.options.team.find((o) => o.organisationId === a.organisationId);
  const action = () => ({
    description: a.description,
    dueOn: a.dueOn,
    ...(a.goalId ? { goalId: a.goalId } : {}),
    owner:
      a.kind === 'organisation'
        ? { kind: 'organisation' as const, organisationId: a.organisationId, ...(a.userId ? { userId: a.userId } : {}) }
        : a.kind === 'family_member'
          ? { kind: 'family_member' as const, personId: a.personId }
          : { kind: 'network_member' as const, networkMemberId: a.networkMemberId },
  });
  const submit = () => {
    setOffer(null);
    return run(async () => {
      try {
        await post('/api/v1/plan-versions/:versionId/actions', {
          params: { versionId: draft.id },
          body: { version: draft.version, ...action() },
        });
        setA(empty);
        onSaved();
      } catch (e) {
        // An owner not on the case team: the offer to add them (not a refusal).
        if (!(e instanceof ApiError && e.problem.code === 'owner_not_on_team')) throw e;
        setOffer((e.problem as unknown as { offer: Offer }).offer);
      }
    });
  };
  const addAndSave = () =>
    run(async () => {
      await post('/api/v1/plan-versions/:versionId/actions/with-team-member', {
        params: { versionId: draft.id },
        body: {
          version: draft.version,
          action: action(),
          teamMember: { userId: member.userId, legalBasis: member.legalBasis, caseVersion: overview.caseVersion },
        },
      });
      setA(empty);
      setOffer(null);
      onSaved();
    });
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
        <Select
          label={t('ownerKind')}
          name="ownerKind"
          value={a.kind}
          onChange={(e) => setA({ ...a, kind: e.target.value })}
          options={(['organisation', 'family_member', 'network_member'] as const).map((k) => ({ value: k, label: t(`o_${k}`) }))}
        />
        {a.kind === 'organisation' && (
          <>
            <Select
              label={t('otherOrganisation')}
              name="organisationId"
              value={a.organisationId}
              onChange={(e) => {
                setA({ ...a, organisationId: e.target.value, userId: '' });
                setOffer(null);
              }}
              error={errors['owner.organisationId']}
              options={orgs.map((o) => ({ value: o.id, label: o.name }))}
            />
            {team && (
              <Select
                label={t('professional')}
                name="userId"
                value={a.userId}
                onChange={(e) => setA({ ...a, userId: e.target.value })}
                error={errors['owner.userId']}
                options={team.users.map((u) => ({ value: u.id, label: u.name }))}
              />
            )}
          </>
        )}
        {a.kind === 'family_member' && (
          <Select
            label={t('familyMember')}
            name="personId"
            value={a.personId}
            onChange={(e) => setA({ ...a, personId: e.target.value })}
            error={errors['owner.personId']}
            options={overview.options.familyMembers.map((m) => ({ value: m.personId, label: m.name }))}
          />
        )}
        {a.kind === 'network_member' && (
          <Select
            label={t('networkMember')}
            name="networkMemberId"
            value={a.networkMemberId}
            onChange={(e) => setA({ ...a, networkMemberId: e.target.value })}
            error={errors['owner.networkMemberId']}
            options={overview.options.network.map((n) => ({ value: n.id, label: n.name }))}
          />
        )}
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
      {offer && (
        <Alert type="info" role="status">
          <Heading level={3}>{t('offerTitle', { org: offer.organisationName })}</Heading>
          <Paragraph>{t('offerText')}</Paragraph>
          <SubmitForm onSubmit={addAndSave}>
            <Select
              label={t('offerUser', { org: offer.organisationName })}
              name="teamUserId"
              value={member.userId}
              onChange={(e) => setMember({ ...member, userId: e.target.value })}
              error={errors['teamMember.userId'] ?? errors.userId}
              options={offer.users.map((u) => ({ value: u.id, label: u.name }))}
            />
            <Select
              label={t('legalBasis')}
              name="legalBasis"
              value={member.legalBasis}
              onChange={(e) => setMember({ ...member, legalBasis: e.target.value })}
              options={(['consent', 'statutory_task', 'safety'] as const).map((b) => ({ value: b, label: t(`lb_${b}`) }))}
            />
            <Button appearance="primary-action-button" type="submit">
              {t('addAndSave')}
            </Button>
          </SubmitForm>
        </Alert>
      )}
    </details>
  );
}
