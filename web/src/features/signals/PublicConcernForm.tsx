import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ProblemAlert, Select, SubmitForm, SubmitRow, TextArea, TextInput } from '../../ui/forms.js';
import { Checkbox } from './controls.js';
import { useSignalT } from './texts.js';
import { SubjectAddressFields, SubjectPersonsFields } from './SubjectFields.js';
import { PublicFileFields } from './PublicFileFields.js';
import { usePublicConcern } from './usePublicConcern.js';

/**
 * Zorg melden: for anyone, without logging in, in plain Dutch. Shows nothing back but the
 * reference. What was typed stays in memory only (never in this browser's storage: this may be a
 * shared computer), and survives every error, so a refused send never loses an honest report.
 */
export function PublicConcernForm() {
  const t = useSignalT();
  const { f, set, regions, error, setError, busy, errors, bind, reference, submit, ...c } = usePublicConcern();

  if (reference) return <ConcernReceived reference={reference} />;

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
          <SubjectPersonsFields persons={c.persons} onChange={c.setPersons} errors={errors} />
          <SubjectAddressFields address={c.address} onChange={c.setAddress} errors={errors} legend={t('publicAddress')} />
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
        <PublicFileFields files={c.files} onChange={c.setFiles} errors={errors} onClearError={() => setError(null)} />
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
        <SubmitRow label={busy ? t('sending') : t('publicSend')} busy={busy || !c.token} />
      </SubmitForm>
    </div>
  );
}

/** After sending: thanks, and the reference to keep (the one thing shown back). */
function ConcernReceived({ reference }: { reference: string }) {
  const t = useSignalT();
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
}
