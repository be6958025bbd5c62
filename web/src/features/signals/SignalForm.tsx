import { useEffect, useState } from 'react';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ApiError, post } from '../../api.js';
import { useApi } from '../../data.js';
import { problemText, useI18n } from '../../i18n.js';
import { useNavigate } from '../../router.js';
import { useSession } from '../../session.js';
import { DraftNotice, ProblemAlert, Select, SubmitForm, SubmitRow, useDraft, TextArea, TextInput, useFormAction } from '../../ui/forms.js';
import { RadioGroup } from './controls.js';
import { useSignalLabels, useSignalT } from './texts.js';
import { SubjectAddressFields, SubjectPersonsFields } from './SubjectFields.js';
import { SubjectByName } from './SubjectByName.js';
import { ConcernFields } from './ConcernFields.js';
import { MeldcodeFields } from './MeldcodeFields.js';
import { AttachmentFields } from './AttachmentFields.js';
import { BsnInput } from '../../ui/date-fields.js';
import {
  emptyAddress,
  SOURCES,
  STEPS,
  subjectAddressPayload,
  subjectPersonsPayload,
  type AddressDraft,
  type FileDraft,
  type PersonDraftLite,
  type Urgency,
} from './drafts.js';

interface Draft {
  receivingOrganisationId: string;
  source: string;
  about: 'bsn' | 'name' | 'description' | 'family';
  bsn: string;
  subjectDescription: string;
  subjectPlace: string;
  /** About a person known by name and birth date: possibly a person Regie already knows, linked only when the user confirms. */
  person: { givenNames: string; familyNamePrefix: string; familyName: string; birthDate: string; personId?: string; rejected: string[] };
  /** More persons (a family): names and birth date as known. */
  others: PersonDraftLite[];
  address: AddressDraft;
  whatSeen: string;
  concerns: Record<string, { on: boolean; text: string }>;
  safetyAtStake: boolean;
  steps: Record<string, { done: boolean; notes: string }>;
  urgency: Urgency | '';
}

/** Record a signal: whom it is about, what was seen, concerns per life domain, safety (Meldcode), urgency, files. */
export function SignalForm() {
  const navigate = useNavigate();
  const { t: tg, lang } = useI18n();
  const t = useSignalT();
  const lbl = useSignalLabels();
  const me = useSession().session!.user;
  const familyId = new URLSearchParams(location.search).get('familyId');
  const initial: Draft = {
    receivingOrganisationId: '',
    source: 'professional',
    about: familyId ? 'family' : 'bsn',
    bsn: '',
    subjectDescription: '',
    subjectPlace: '',
    person: { givenNames: '', familyNamePrefix: '', familyName: '', birthDate: '', rejected: [] },
    others: [],
    address: emptyAddress(),
    whatSeen: '',
    concerns: {},
    safetyAtStake: false,
    steps: {},
    urgency: '',
  };
  const [d, setD, draft] = useDraft<Draft>(`${me.id}.signal${familyId ? `.${familyId}` : ''}`, initial);
  const orgsAnswer = useApi('/api/v1/organisations');
  const orgs = orgsAnswer.data?.items ?? [];
  const settings = useApi('/api/v1/signal-settings').data;
  const familyName =
    useApi('/api/v1/families/:familyId', { params: { familyId: familyId ?? '' } }, { enabled: !!familyId }).data?.name ?? null;
  const [files, setFiles] = useState<FileDraft[]>([]);
  const [fileError, setFileError] = useState('');
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((prev) => ({ ...prev, [k]: v }));
  // A refusal is shown at the top of the page: scroll there.
  const { error, setError, busy, run, errors, bind } = useFormAction(d, { set }, { onError: () => window.scrollTo(0, 0) });

  useEffect(() => {
    if (orgsAnswer.error) setError(orgsAnswer.error);
  }, [orgsAnswer.error, setError]);
  // Most signals go to the region's front door: offer it, the user can choose another.
  const frontDoor = settings?.frontDoorOrganisationId;
  useEffect(() => {
    if (frontDoor) setD((p) => (p.receivingOrganisationId ? p : { ...p, receivingOrganisationId: frontDoor }));
  }, [frontDoor, setD]);

  const person = d.person ?? initial.person; // drafts saved before this field existed
  const setPerson = (v: Partial<Draft['person']>) => setD((prev) => ({ ...prev, person: { ...(prev.person ?? initial.person), ...v } }));
  // Without a confirmed link, the name and birth date travel with the signal as its description.
  const nameDescription = () =>
    [
      [person.givenNames, person.familyNamePrefix, person.familyName]
        .map((x) => x.trim())
        .filter(Boolean)
        .join(' '),
      person.birthDate ? `${t('bornOn')} ${person.birthDate}` : '',
      d.subjectDescription.trim(),
    ]
      .filter(Boolean)
      .join(', ');
  const days = (u: Urgency) => settings?.workingDays[u] ?? { acute: 0, high: 5, normal: 10 }[u];

  const submit = () =>
    run(async () => {
      const concerns = Object.fromEntries(
        Object.entries(d.concerns)
          .filter(([, c]) => c.on)
          .map(([k, c]) => [k, c.text.trim()]),
      );
      const meldcodeSteps = Object.fromEntries(
        STEPS.flatMap((s) => {
          const step = d.steps[s];
          return step ? [[s, { done: step.done, ...(step.notes.trim() ? { notes: step.notes.trim() } : {}) }]] : [];
        }),
      );
      const description = d.about === 'name' && !person.personId ? nameDescription() : d.subjectDescription.trim();
      // The persons in structure as well (the description stays for whoever reads the signal): the first unless it was linked, and the others.
      const subjectPersons =
        d.about === 'family'
          ? []
          : subjectPersonsPayload([...(d.about === 'name' && !person.personId ? [person] : []), ...(d.others ?? [])]);
      const subjectAddress = d.about === 'family' ? undefined : subjectAddressPayload(d.address ?? emptyAddress());
      const r = await post('/api/v1/signals', {
        body: {
          receivingOrganisationId: d.receivingOrganisationId,
          source: d.source,
          urgency: d.urgency || undefined,
          whatSeen: d.whatSeen,
          safetyAtStake: d.safetyAtStake,
          ...(d.about === 'family' && familyId ? { familyId } : {}),
          ...(d.about === 'bsn' && d.bsn.trim() ? { bsn: d.bsn.trim() } : {}),
          ...(d.about === 'name' && person.personId ? { personId: person.personId } : {}),
          ...(description ? { subjectDescription: description } : {}),
          ...(d.subjectPlace.trim() ? { subjectPlace: d.subjectPlace.trim() } : {}),
          ...(subjectPersons.length ? { subjectPersons } : {}),
          ...(subjectAddress ? { subjectAddress } : {}),
          ...(Object.keys(concerns).length ? { concerns } : {}),
          ...(d.safetyAtStake ? { meldcodeSteps } : {}),
        },
      });
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

  return (
    <>
      <Heading level={1}>{t('newTitle')}</Heading>
      <Paragraph>{t('newIntro')}</Paragraph>
      <DraftNotice draft={draft} />
      <ProblemAlert error={error} />
      <SubmitForm onSubmit={submit}>
        <div className="regie-grid">
          <Select
            label={t('receiving')}
            hint={t('receivingHint')}
            {...bind('receivingOrganisationId')}
            options={orgs.map((o) => ({ value: o.id, label: o.name }))}
          />
          <Select label={t('source')} {...bind('source')} options={SOURCES.map((s) => ({ value: s, label: lbl('source', s) }))} />
        </div>

        <RadioGroup
          name="about"
          legend={t('aboutWhom')}
          value={d.about}
          onChange={(v) => set('about', v)}
          error={errors.personId ?? errors.familyId}
          options={[
            ...(familyId ? [{ value: 'family' as const, label: `${t('aboutFamily')}${familyName ? `: ${familyName}` : ''}` }] : []),
            { value: 'bsn' as const, label: t('aboutBsn') },
            { value: 'name' as const, label: t('aboutName') },
            { value: 'description' as const, label: t('aboutDescription') },
          ]}
        />
        {d.about === 'bsn' && <BsnInput label={t('bsn')} {...bind.value('bsn')} />}
        {d.about === 'name' && <SubjectByName person={person} setPerson={setPerson} errors={errors} />}
        {(d.about === 'name' || d.about === 'description') && (
          <SubjectPersonsFields
            persons={d.others ?? []}
            onChange={(others) => set('others', others)}
            errors={errors}
            first={d.about === 'name' ? 2 : 1}
            offset={d.about === 'name' && !person.personId ? 1 : 0}
          />
        )}
        {d.about !== 'family' && (
          <SubjectAddressFields address={d.address ?? emptyAddress()} onChange={(address) => set('address', address)} errors={errors} />
        )}
        <div className="regie-grid">
          <TextInput
            label={`${t('description')}${d.about === 'description' ? '' : ` ${t('optional')}`}`}
            hint={t('descriptionHint')}
            {...bind('subjectDescription')}
          />
          <TextInput label={`${t('place')} ${t('optional')}`} {...bind('subjectPlace')} />
        </div>

        <TextArea label={t('whatSeen')} hint={t('whatSeenHint')} rows={6} {...bind('whatSeen')} />

        <ConcernFields concerns={d.concerns} onChange={(concerns) => set('concerns', concerns)} errors={errors} />

        <MeldcodeFields
          safetyAtStake={d.safetyAtStake}
          onSafetyAtStake={(v) => set('safetyAtStake', v)}
          steps={d.steps}
          onSteps={(steps) => set('steps', steps)}
          errors={errors}
        />

        <RadioGroup
          name="urgency"
          legend={t('urgency')}
          {...bind.value('urgency')}
          options={(['acute', 'high', 'normal'] as const).map((u) => ({
            value: u,
            label: lbl('urgency', u),
            hint: days(u) === 0 ? t('sameDay') : t('withinDays', { n: days(u) }),
          }))}
        />

        <AttachmentFields files={files} onChange={setFiles} error={fileError} onError={setFileError} />

        <SubmitRow label={busy ? t('sending') : t('send')} busy={busy}>
          {draft.savedAt && (
            <span className="regie-muted" role="status">
              {tg('draftSaved')}
            </span>
          )}
        </SubmitRow>
      </SubmitForm>
    </>
  );
}
