import { useCallback, useEffect, useState } from 'react';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ApiError, get, post, postForm } from '../../api.js';
import { ProblemAlert, Select, SubmitForm, SubmitRow, TextArea, TextInput, useFormAction } from '../../ui/forms.js';
import { Checkbox } from './controls.js';
import { useSignalT } from './texts.js';
import { emptyAddress, subjectAddressPayload, subjectPersonsPayload, type AddressDraft, type PersonDraftLite } from './drafts.js';
import { SubjectAddressFields, SubjectPersonsFields } from './SubjectFields.js';

interface Form {
  regionId: string;
  about: string;
  place: string;
  whatSeen: string;
  worried: boolean;
  name: string;
  contact: string;
  website: string;
}
const MAX_FILE = 10 * 1024 * 1024;
const MAX_FILES = 3;
/** JPEG, PNG, PDF or notes. Not HEIC: with this list an iPhone hands over its photos as JPEG. */
const ACCEPT = '.jpg,.jpeg,.png,.pdf,.txt,image/jpeg,image/png,application/pdf,text/plain';

/**
 * Zorg melden: for anyone, without logging in, in plain Dutch. Shows nothing back but the
 * reference. What was typed stays in memory only (never in this browser's storage: this may be a
 * shared computer), and survives every error, so a refused send never loses an honest report.
 */
export function PublicConcernForm() {
  const t = useSignalT();
  const [token, setToken] = useState('');
  const [regions, setRegions] = useState<Array<{ id: string; name: string }> | null>(null);
  const [f, setF] = useState<Form>({
    regionId: '',
    about: '',
    place: '',
    whatSeen: '',
    worried: false,
    name: '',
    contact: '',
    website: '',
  });
  const [files, setFiles] = useState<File[]>([]);
  // Whom and where, when the citizen knows: optional, in structure.
  const [persons, setPersons] = useState<PersonDraftLite[]>([]);
  const [address, setAddress] = useState<AddressDraft>(emptyAddress());
  const [fileError, setFileError] = useState('');
  const [reference, setReference] = useState<string | null>(null);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setF((p) => ({ ...p, [k]: v }));
  const { error, setError, busy, run, errors, bind } = useFormAction(
    f,
    { set },
    {
      // An expired or already used form gets a fresh token at once, so sending again just works.
      onError: (err) => {
        if (err instanceof ApiError && ['invalid_form_token', 'form_already_sent'].includes(err.problem.code ?? '')) void openForm();
      },
    },
  );

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

  // A refusal names a file by its place in the list: once the list changes, it no longer fits.
  const pick = (list: FileList | null) => {
    setFileError('');
    setError(null);
    const chosen = Array.from(list ?? []);
    const tooBig = chosen.find((c) => c.size > MAX_FILE);
    if (tooBig) {
      setFileError(`${tooBig.name}: ${t('fileTooLarge')} ${t('publicFilesHint')}`);
      return;
    }
    if (files.length + chosen.length > MAX_FILES) {
      setFileError(t('publicFilesTooMany', { n: MAX_FILES }));
      return;
    }
    setFiles([...files, ...chosen]);
  };
  // A refused file is named by its place in the list (attachments[1]); the concern part as "concern".
  const fileErrors = Object.entries(errors)
    .filter(([k]) => k.startsWith('attachments'))
    .map(([k, v]) => {
      const i = Number(/^attachments\[(\d+)\]/.exec(k)?.[1] ?? NaN);
      return files[i] ? `${files[i].name}: ${v}` : v;
    });

  const submit = () =>
    run(async () => {
      const concern = {
        regionId: f.regionId,
        formToken: token,
        about: f.about,
        whatSeen: f.whatSeen,
        worriedAboutSafety: f.worried,
        ...(f.place.trim() ? { place: f.place.trim() } : {}),
        ...(f.name.trim() ? { reporterName: f.name.trim() } : {}),
        ...(subjectPersonsPayload(persons).length ? { subjectPersons: subjectPersonsPayload(persons) } : {}),
        ...(subjectAddressPayload(address) ? { subjectAddress: subjectAddressPayload(address) } : {}),
        ...(f.contact.trim() ? { reporterContact: f.contact.trim() } : {}),
        ...(f.website ? { website: f.website } : {}),
      };
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

  if (reference)
    return (
      <div className="regie-narrow">
        <Heading level={1}>{t('thanks')}</Heading>
        <Alert type="ok" role="status">
          <Paragraph>
            {t('yourReference')}: <strong>{reference}</strong>
          </Paragraph>
        </Alert>
        <Paragraph>{t('keepReference')}</Paragraph>
        <Paragraph>
          {t('emergency')} {t('advice')}
        </Paragraph>
      </div>
    );

  return (
    <div className="regie-narrow">
      <Heading level={1}>{t('publicTitle')}</Heading>
      <Paragraph className="regie-lead">{t('publicIntro')}</Paragraph>
      <Alert type="warning">
        <Paragraph>
          <strong>{t('emergency')}</strong> {t('advice')}
        </Paragraph>
      </Alert>
      <ProblemAlert error={error} />
      {regions && regions.length === 0 && (
        <Alert type="info">
          <Paragraph>{t('noRegions')}</Paragraph>
        </Alert>
      )}
      <SubmitForm onSubmit={submit}>
        {regions && regions.length > 1 && (
          <Select label={t('region')} {...bind('regionId')} options={regions.map((r) => ({ value: r.id, label: r.name }))} />
        )}
        {regions?.length === 1 && regions[0] && <Paragraph>{t('regionOne', { name: regions[0].name })}</Paragraph>}
        <TextInput label={t('about')} hint={t('aboutHint')} {...bind('about')} />
        <TextInput label={`${t('publicPlace')} ${t('optional')}`} {...bind('place')} />
        <fieldset className="utrecht-form-fieldset regie-fieldset">
          <legend className="utrecht-form-fieldset__legend">
            {t('publicWhoTitle')} {t('optional')}
          </legend>
          <Paragraph>{t('publicWhoIntro')}</Paragraph>
          <SubjectPersonsFields persons={persons} onChange={setPersons} errors={errors} />
          <SubjectAddressFields address={address} onChange={setAddress} errors={errors} legend={t('publicAddress')} />
        </fieldset>
        <TextArea label={t('publicWhat')} hint={t('publicWhatHint')} rows={6} {...bind('whatSeen')} />
        <Checkbox label={t('worried')} checked={f.worried} onChange={(v) => set('worried', v)} />
        <fieldset className="utrecht-form-fieldset regie-fieldset">
          <legend className="utrecht-form-fieldset__legend">
            {t('you')} {t('optional')}
          </legend>
          <Paragraph>{t('youIntro')}</Paragraph>
          <TextInput label={t('yourName')} autoComplete="name" {...bind('name', 'reporterName')} />
          <TextInput label={t('yourContact')} autoComplete="tel" {...bind('contact', 'reporterContact')} />
        </fieldset>
        <TextInput
          label={`${t('publicFiles')} ${t('optional')}`}
          hint={t('publicFilesHint')}
          type="file"
          multiple
          accept={ACCEPT}
          error={[fileError, ...fileErrors].filter(Boolean).join(' ') || undefined}
          onChange={(e) => {
            pick(e.target.files);
            e.target.value = '';
          }}
        />
        {files.length > 0 && (
          <ul className="utrecht-unordered-list" aria-label={t('publicFilesChosen')}>
            {files.map((file, i) => (
              <li key={`${file.name}-${i}`} className="utrecht-unordered-list__item">
                {file.name} ({Math.ceil(file.size / 1024)} KB){' '}
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  aria-label={`${t('removeFile')}: ${file.name}`}
                  onClick={() => {
                    setFiles(files.filter((_, j) => j !== i));
                    setError(null);
                  }}
                >
                  {t('removeFile')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {/* Honeypot: out of sight and out of the tab order; people leave it empty, robots fill it in. */}
        <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', width: '1px', height: '1px', overflow: 'hidden' }}>
          <label htmlFor="regie-website">{t('honeypot')}</label>
          <input
            id="regie-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={f.website}
            onChange={(e) => set('website', e.target.value)}
          />
        </div>
        <SubmitRow label={busy ? t('sending') : t('publicSend')} busy={busy || !token} />
      </SubmitForm>
    </div>
  );
}
