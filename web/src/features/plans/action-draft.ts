// A new action of a plan draft as its form holds it, what the API is sent of it, and the offer to
// add the owner's organisation to the case team when the server answers that it is not on it.
import { useState } from 'react';
import { ApiError, post } from '../../api.js';
import { useAction } from '../../ui/forms.js';
import type { Overview, Version } from './VersionContent.js';

export type Offer = { organisationId: string; organisationName: string; users: Array<{ id: string; name: string }> };

export const emptyAction = {
  description: '',
  kind: 'organisation',
  organisationId: '',
  userId: '',
  personId: '',
  networkMemberId: '',
  dueOn: '',
  goalId: '',
};
export type ActionDraft = typeof emptyAction;

/** The action as the API is sent it: the owner of the kind chosen, a goal and a professional only when chosen. */
export function actionBody(a: ActionDraft) {
  return {
    description: a.description,
    dueOn: a.dueOn,
    ...(a.goalId ? { goalId: a.goalId } : {}),
    owner:
      a.kind === 'organisation'
        ? { kind: 'organisation' as const, organisationId: a.organisationId, ...(a.userId ? { userId: a.userId } : {}) }
        : a.kind === 'family_member'
          ? { kind: 'family_member' as const, personId: a.personId }
          : { kind: 'network_member' as const, networkMemberId: a.networkMemberId },
  };
}

/** An owner not on the case team: the server's offer to add them (not a refusal); null for any other error. */
export function teamOffer(e: unknown): Offer | null {
  if (!(e instanceof ApiError && e.problem.code === 'owner_not_on_team')) return null;
  return (e.problem as unknown as { offer: Offer }).offer;
}

/** The draft action, the offer and the team member chosen for it, with the two ways to save. */
export function useActionDraft(overview: Overview, draft: Version, onSaved: () => void) {
  const [a, setA] = useState(emptyAction);
  const [offer, setOffer] = useState<Offer | null>(null);
  const [member, setMember] = useState({ userId: '', legalBasis: 'consent' });
  const { error, run } = useAction();
  const submit = () => {
    setOffer(null);
    return run(async () => {
      try {
        await post('/api/v1/plan-versions/:versionId/actions', {
          params: { versionId: draft.id },
          body: { version: draft.version, ...actionBody(a) },
        });
        setA(emptyAction);
        onSaved();
      } catch (e) {
        const offered = teamOffer(e);
        if (!offered) throw e;
        setOffer(offered);
      }
    });
  };
  const addAndSave = () =>
    run(async () => {
      await post('/api/v1/plan-versions/:versionId/actions/with-team-member', {
        params: { versionId: draft.id },
        body: {
          version: draft.version,
          action: actionBody(a),
          teamMember: { userId: member.userId, legalBasis: member.legalBasis, caseVersion: overview.caseVersion },
        },
      });
      setA(emptyAction);
      setOffer(null);
      onSaved();
    });
  return { a, setA, offer, setOffer, member, setMember, error, submit, addAndSave };
}
