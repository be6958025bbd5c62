// The signal form's state and submit: the draft (per user, per family it was started from), the
// organisations and settings it offers, the files, and sending the signal and then its files.
import { useEffect, useState } from 'react';
import { ApiError, post } from '../../api.js';
import { useApi } from '../../data.js';
import { problemText, useI18n } from '../../i18n.js';
import { useNavigate } from '../../router.js';
import { useSession } from '../../session.js';
import { useDraft, useFormAction } from '../../ui/forms.js';
import { useSignalT } from './texts.js';
import type { FileDraft, Urgency } from './drafts.js';
import { draftPerson, initialSignalDraft, signalBody, type NamedPerson, type SignalDraft } from './signal-body.js';

export function useSignalForm() {
  const navigate = useNavigate();
  const { lang } = useI18n();
  const t = useSignalT();
  const me = useSession().session!.user;
  const familyId = new URLSearchParams(location.search).get('familyId');
  const [d, setD, draft] = useDraft<SignalDraft>(`${me.id}.signal${familyId ? `.${familyId}` : ''}`, initialSignalDraft(familyId));
  const orgsAnswer = useApi('/api/v1/organisations');
  const settings = useApi('/api/v1/signal-settings').data;
  const familyName =
    useApi('/api/v1/families/:familyId', { params: { familyId: familyId ?? '' } }, { enabled: !!familyId }).data?.name ?? null;
  const [files, setFiles] = useState<FileDraft[]>([]);
  const [fileError, setFileError] = useState('');
  const set = <K extends keyof SignalDraft>(k: K, v: SignalDraft[K]) => setD((prev) => ({ ...prev, [k]: v }));
  // A refusal is shown at the top of the page: scroll there.
  const action = useFormAction(d, { set }, { onError: () => window.scrollTo(0, 0) });
  const { setError } = action;

  useEffect(() => {
    if (orgsAnswer.error) setError(orgsAnswer.error);
  }, [orgsAnswer.error, setError]);
  // Most signals go to the region's front door: offer it, the user can choose another.
  const frontDoor = settings?.frontDoorOrganisationId;
  useEffect(() => {
    if (frontDoor) setD((p) => (p.receivingOrganisationId ? p : { ...p, receivingOrganisationId: frontDoor }));
  }, [frontDoor, setD]);

  const setPerson = (v: Partial<NamedPerson>) => setD((prev) => ({ ...prev, person: { ...draftPerson(prev), ...v } }));

  const submit = () =>
    action.run(async () => {
      const r = await post('/api/v1/signals', { body: signalBody(d, familyId, t('bornOn')) });
      draft.clear();
      // The signal stands; a refused file is reported on the signal's page rather than lost silently.
      const failed: string[] = [];
      for (const f of files) {
        try {
          await post('/api/v1/signals/:signalId/attachments', {
            params: { signalId: r.id },
            body: { filename: f.filename, mediaType: f.mediaType, contentBase64: f.contentBase64 },
          });
        } catch (e) {
          failed.push(`${t('attachmentFailed', { name: f.filename })} ${e instanceof ApiError ? problemText(lang, e.problem) : String(e)}`);
        }
      }
      if (failed.length) sessionStorage.setItem(`regie.signal-notice.${r.id}`, failed.join('\n'));
      navigate(`/meldingen/${r.id}`);
    });

  return {
    ...action,
    d,
    set,
    draft,
    familyId,
    familyName,
    orgs: orgsAnswer.data?.items ?? [],
    /** Working days to triage a signal of this urgency (the region's settings, else the defaults). */
    days: (u: Urgency) => settings?.workingDays[u] ?? { acute: 0, high: 5, normal: 10 }[u],
    person: draftPerson(d),
    setPerson,
    files,
    setFiles,
    fileError,
    setFileError,
    submit,
  };
}
