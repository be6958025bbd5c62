// Who owns a new action: the kind of owner, then the organisation (and, on the case team, its
// professional), the family member or the network member.
import { useApi } from '../../data.js';
import { Select } from '../../ui/forms.js';
import type { ActionDraft } from './action-draft.js';
import { usePlanT } from './texts.js';
import type { Overview } from './VersionContent.js';

export function OwnerFields({
  overview,
  a,
  setA,
  errors,
  onOrganisation,
}: {
  overview: Overview;
  a: ActionDraft;
  setA: (a: ActionDraft) => void;
  errors: Record<string, string>;
  /** Another organisation was chosen. */
  onOrganisation: () => void;
}) {
  const t = usePlanT();
  const orgs = useApi('/api/v1/organisations').data?.items ?? [];
  const team = overview.options.team.find((o) => o.organisationId === a.organisationId);
  return (
    <>
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
              onOrganisation();
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
    </>
  );
}
