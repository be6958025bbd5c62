// The handover screen's state: the case it is for and its draft, what the screen loads (the user's
// cases, the receivers, the chosen family's members) and the submit, which opens the sent handover.
import { useEffect, useState } from 'react';
import { post } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { useNavigate } from '../../router.js';
import { useSession } from '../../session.js';
import { fieldBinder, fieldErrors, useDraft } from '../../ui/forms.js';
import type { RegionOrganisation as Org } from '../../ui/RegionGroupedSelect.js';
import { coordinatedCases, EMPTY_SEND, handoverBody, personsFor, type SendDraft } from './send-handover.js';

export function useSendHandover() {
  const navigate = useNavigate();
  const { lang } = useI18n();
  const { session } = useSession();
  const ownRegionId = session?.user.regionId ?? '';
  const preset = new URLSearchParams(location.search).get('caseId') ?? '';
  // One draft per case it is for (coming from a family page, ?caseId=…, that case): a reason typed
  // for one family never appears in another's handover; choosing another case shows its own draft.
  const [caseId, setCaseId] = useState(preset);
  const [d, setD, draft] = useDraft<SendDraft>(`${session?.user.id}.handover.${caseId || 'none'}`, { ...EMPTY_SEND, caseId });
  const [sendError, setError] = useState<unknown>(null);
  const set = <K extends keyof SendDraft>(k: K, v: SendDraft[K]) => setD((prev) => ({ ...prev, [k]: v }));

  const families = useApi('/api/v1/families', { query: { scope: 'mine', limit: 100 } });
  const cases = families.data ? coordinatedCases(families.data.items) : null;
  const receiversAnswer = useApi('/api/v1/handover-receivers', { query: { subjectType: 'case' } });
  const receivers: Org[] = receiversAnswer.data?.items ?? [];
  const chosen = cases?.find((c) => c.caseId === caseId);
  const familyAnswer = useApi('/api/v1/families/:familyId', { params: { familyId: chosen?.familyId ?? '' } }, { enabled: !!chosen });
  // The chosen family's page only (the previous one stays in the cache while the next loads).
  const page = chosen && familyAnswer.data?.id === chosen.familyId ? familyAnswer.data : undefined;
  const members = page?.members ?? [];
  useEffect(() => {
    if (!page) return;
    const memberIds = page.members.map((m) => m.personId);
    setD((prev) => {
      const personIds = personsFor(prev.personIds, memberIds);
      return personIds === prev.personIds ? prev : { ...prev, personIds };
    });
  }, [page, setD]);
  const error = sendError ?? families.error ?? receiversAnswer.error ?? (chosen ? familyAnswer.error : null);
  const receiver = receivers.find((o) => o.id === d.toOrganisationId);
  const elsewhere = !!receiver && receiver.regionId !== ownRegionId;

  const submit = async () => {
    setError(null);
    try {
      const r = await post('/api/v1/handovers', { body: handoverBody(d, caseId, receiver, elsewhere) });
      draft.clear();
      navigate(`/overdrachten/${r.id}`);
    } catch (e) {
      setError(e);
    }
  };
  const errors = fieldErrors(error, lang);
  const bind = fieldBinder(d, { set }, errors);
  return {
    caseId,
    setCaseId,
    d,
    setD,
    set,
    draft,
    bind,
    errors,
    error,
    submit,
    cases,
    chosen,
    members,
    receivers,
    receiver,
    elsewhere,
    ownRegionId,
  };
}
