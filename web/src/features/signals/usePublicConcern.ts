// The public concern form's state and submit: a fresh form token (and the regions to choose from),
// the input, kept in memory only (never in this browser's storage: this may be a shared computer),
// and sending it, with files as multipart. Answers the reference once sent.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, get, post, postForm } from '../../api.js';
import { useFormAction } from '../../ui/forms.js';
import { useSignalT } from './texts.js';
import { emptyAddress, type AddressDraft, type PersonDraftLite } from './drafts.js';
import { concernBody, emptyConcern, type ConcernDraft } from './public-concern.js';

export function usePublicConcern() {
  const t = useSignalT();
  const [token, setToken] = useState('');
  const [regions, setRegions] = useState<Array<{ id: string; name: string }> | null>(null);
  const [f, setF] = useState<ConcernDraft>(emptyConcern);
  const [files, setFiles] = useState<File[]>([]);
  // Whom and where, when the citizen knows: optional, in structure.
  const [persons, setPersons] = useState<PersonDraftLite[]>([]);
  const [address, setAddress] = useState<AddressDraft>(emptyAddress());
  const [reference, setReference] = useState<string | null>(null);
  const set = <K extends keyof ConcernDraft>(k: K, v: ConcernDraft[K]) => setF((p) => ({ ...p, [k]: v }));
  const action = useFormAction(
    f,
    { set },
    {
      // An expired or already used form gets a fresh token at once, so sending again just works.
      onError: (err) => {
        if (err instanceof ApiError && ['invalid_form_token', 'form_already_sent'].includes(err.problem.code ?? '')) void openForm();
      },
    },
  );
  const { setError } = action;

  const openForm = useCallback(
    () =>
      get('/api/v1/public/concerns/form-token').then((r) => {
        setToken(r.token);
        setRegions(r.regions);
        setF((p) => {
          const only = r.regions.length === 1 ? r.regions[0] : undefined;
          return p.regionId || !only ? p : { ...p, regionId: only.id };
        });
      }, setError),
    [setError],
  );
  useEffect(() => {
    void openForm();
  }, [openForm]);
  useEffect(() => {
    document.title = `${t('publicTitle')} — Regie`;
  });

  const submit = () =>
    action.run(async () => {
      const concern = concernBody(f, token, persons, address);
      // With files: multipart/form-data, the concern as JSON in the part "concern" (JSON alone is limited to 16 KB).
      let r;
      if (files.length) {
        const form = new FormData();
        form.append('concern', JSON.stringify(concern));
        for (const file of files) form.append('attachments', file, file.name);
        r = await postForm('/api/v1/public/concerns', form);
      } else {
        r = await post('/api/v1/public/concerns', { body: concern });
      }
      setReference(r.reference);
      window.scrollTo(0, 0);
    });

  return { ...action, token, regions, f, set, files, setFiles, persons, setPersons, address, setAddress, reference, submit };
}
