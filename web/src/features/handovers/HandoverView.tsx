// One handover: the information package, its status and deadline, and for the receiver the
// forms to accept (appointing a coordinator) or refuse (with a reason). A handover from another
// region also shows how the family arrives in the receiver's region: persons linked by BSN, or
// possibly the same as someone known (linked only when confirmed), and the family to use.
import { useEffect, useState } from 'react';
import { Alert, Button, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { post, type ApiResponse } from '../../api.js';
import { useApi } from '../../data.js';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { useSession } from '../../session.js';
import { FieldScope, fieldErrors, ProblemAlert, Select, TextArea } from '../../ui/forms.js';
import { fmtDate, fmtDateTime } from '../../ui/time.js';
import { DataList, RadioGroup } from '../signals/controls.js';
import { StatusBadge, termText } from './HandoverList.js';
import { useHandoverT, type HT } from './texts.js';
import { SkippedHolidays } from '../calendar/SkippedHolidays.js';
type HandoverDetailData = ApiResponse<'GET', '/api/v1/handovers/:handoverId'>;
type Org = HandoverDetailData['toOrganisation'];
type Professional = ApiResponse<'GET', '/api/v1/professionals'>['items'][number];

const withRegion = (t: HT, o: Org, cross: boolean) => (cross ? `${o.name} (${t('region', { name: o.regionName })})` : o.name);

export function HandoverView({ handoverId }: { handoverId: string }) {
  const t = useHandoverT();
  const { lang, label, t: tt } = useI18n();
  const handover = useApi('/api/v1/handovers/:handoverId', { params: { handoverId } });
  const { data: h, error } = handover;
  const [notice, setNotice] = useState('');
  const load = () => handover.refetch();
  if (!h) return <><Heading level={1}>{t('handovers')}</Heading><ProblemAlert error={error} />{!error && <Paragraph>{tt('loading')}</Paragraph>}</>;

  const caseId = h.resultCaseId ?? h.caseId;
  const familyId = h.resultFamilyId ?? h.familyId;
  const hasBsn = h.persons.some((p) => p.bsn);
  return (
    <>
      <Paragraph><A href="/overdrachten">{t('back')}</A></Paragraph>
      <div className="regie-title-row">
        <Heading level={1}>{h.subjectLabel}</Heading>
        <StatusBadge status={h.status} />
      </div>
      <Paragraph className="regie-lead">
        {withRegion(t, h.fromOrganisation, h.crossRegion)} → {withRegion(t, h.toOrganisation, h.crossRegion)} · {t('due')}: {fmtDate(h.acceptDueOn, lang)}{' '}
        <span className={h.overdue ? 'regie-overdue' : 'regie-muted'}>({termText(t, h)})</span><SkippedHolidays from={h.sentAt} to={h.acceptDueOn} />
      </Paragraph>
      {notice && <Alert type="ok" role="status"><Paragraph>{notice}</Paragraph></Alert>}
      <ProblemAlert error={error} />
      {h.status === 'pending' && h.direction === 'outgoing' && <Alert type="info"><Paragraph>{t('senderResponsible')}</Paragraph>
        {h.crossRegion && <Paragraph>{t('elsewhereSender', { region: h.toOrganisation.regionName })}</Paragraph>}</Alert>}
      {h.status === 'expired' && <Alert type="warning"><Paragraph>{t('expiredNote')}</Paragraph></Alert>}
      {h.status === 'accepted' && h.crossRegion && h.direction === 'outgoing' && (
        <Alert type="info"><Paragraph>{t(h.senderAccess === 'ends' ? 'closedAsMoved' : 'keptAfterMove', { region: h.toOrganisation.regionName })}</Paragraph></Alert>
      )}
      {h.status === 'accepted' && familyId && h.direction === 'incoming' && (
        <Paragraph><A href={`/gezinnen/${familyId}`}>{t('toFamily')}</A>{caseId && <> · <A href={`/doorlooptijden?caseId=${caseId}`}>{t('toLeadTimes')}</A></>}</Paragraph>
      )}

      <section aria-labelledby="package-title" className="regie-section">
        <Heading level={2} id="package-title">{t('package')}</Heading>
        <DataList items={[
          [t('subject'), `${h.subjectLabel} (${t(h.subjectType === 'case' ? 'caseLabel' : 'signalLabel')})`],
          [t('sender'), `${h.senderName} (${h.fromOrganisation.name}${h.crossRegion ? `, ${t('region', { name: h.fromOrganisation.regionName })}` : ''}), ${fmtDateTime(h.sentAt, lang)}`],
          ...(h.toUser ? [[t('toUser'), h.toUser.name] as [string, string]] : []),
          [t('reason'), h.reason],
          [t('safety'), <span key="s" className={`regie-badge regie-badge--${h.safetyAssessment}`}>{t(h.safetyAssessment)}</span>],
          ...(h.safetyNotes ? [[t('safetyNotes'), h.safetyNotes] as [string, string]] : []),
          [t('known'), h.knownInformation],
          [t('legalBasis'), label(h.legalBasis)],
          [t('senderAccess'), h.senderAccess === 'ends' ? t('accessEnds') : t('accessContinues')],
        ]} />
        {h.persons.length > 0 && (<>
          <Heading level={3}>{t('persons')}</Heading>
          <Table className="regie-table">
            <TableHeader><TableRow>
              <TableHeaderCell scope="col">{t('name')}</TableHeaderCell><TableHeaderCell scope="col">{t('relation')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('birthDate')}</TableHeaderCell>
              {hasBsn && <TableHeaderCell scope="col">{t('bsn')}</TableHeaderCell>}
            </TableRow></TableHeader>
            <TableBody>{h.persons.map((p) => (
              <TableRow key={p.personId}><TableCell>{p.name}</TableCell><TableCell>{label(p.relation) || '—'}</TableCell><TableCell>{fmtDate(p.birthDate, lang)}</TableCell>
                {hasBsn && <TableCell>{p.bsn ?? '—'}</TableCell>}</TableRow>
            ))}</TableBody>
          </Table>
        </>)}
      </section>

      {h.status !== 'pending' && h.status !== 'expired' && (
        <section aria-labelledby="answer-title" className="regie-section">
          <Heading level={2} id="answer-title">{t('answer')}</Heading>
          <DataList items={[
            [t('status'), t(h.status)],
            [t('respondedAt'), `${fmtDateTime(h.respondedAt, lang)}${h.respondedByName ? ` (${h.respondedByName})` : ''}`],
            ...(h.nomineeName ? [[t('nominee'), h.nomineeName] as [string, string]] : []),
            ...(h.refusalReason ? [[t('refusalReason'), h.refusalReason] as [string, string]] : []),
          ]} />
        </section>
      )}

      {h.mayRespond && <AnswerForms h={h} onDone={(msg) => { setNotice(msg); void load(); }} />}
    </>
  );
}

function AnswerForms({ h, onDone }: { h: HandoverDetailData; onDone: (msg: string) => void }) {
  const t = useHandoverT();
  const { lang } = useI18n();
  const { session } = useSession();
  const [nominee, setNominee] = useState('');
  const [reason, setReason] = useState('');
  // Handover from another region: confirmed possible matches (package person → person here) and the family to use.
  const [same, setSame] = useState<Record<string, string>>({});
  const [family, setFamily] = useState('new');
  const [acceptError, setAcceptError] = useState<unknown>(null);
  const [refuseError, setRefuseError] = useState<unknown>(null);
  const qualified = useApi('/api/v1/professionals', { query: { qualified: 'true' } }).data?.items;
  const pros: Professional[] = qualified?.filter((p) => p.organisationId === session?.user.organisationId) ?? [];
  // The professional the sender named is the first choice, when they can coordinate.
  const named = h.toUser && pros.some((p) => p.id === h.toUser!.id) ? h.toUser.id : '';
  useEffect(() => { if (named) setNominee((n) => n || named); }, [named]);
  const accept = async () => {
    setAcceptError(null);
    try {
      const persons = Object.entries(same).filter(([, v]) => v !== 'new').map(([personId, existingPersonId]) => ({ personId, existingPersonId }));
      await post('/api/v1/handovers/:handoverId/accept', { params: { handoverId: h.id }, body: { nomineeUserId: nominee, version: h.version,
        ...(h.arrival ? { familyId: family === 'new' ? undefined : family, persons } : {}) } });
      const name = pros.find((p) => p.id === nominee)?.displayName ?? '';
      onDone(h.arrival ? t('arrivedNotice', { name }) : t('acceptedNotice', { name }));
    } catch (e) { setAcceptError(e); }
  };
  const refuse = async () => {
    setRefuseError(null);
    try { await post('/api/v1/handovers/:handoverId/refuse', { params: { handoverId: h.id }, body: { reason, version: h.version } }); onDone(t('refusedNotice')); } catch (e) { setRefuseError(e); }
  };
  const aErr = fieldErrors(acceptError, lang);
  const rErr = fieldErrors(refuseError, lang);
  return (
    <div className="regie-answer-grid">
      <section aria-labelledby="accept-title" className="regie-section">
        <Heading level={2} id="accept-title">{t('acceptTitle')}</Heading>
        <FieldScope name="accept"><form onSubmit={(e) => { e.preventDefault(); void accept(); }} noValidate>
          <ProblemAlert error={acceptError} />
          {h.arrival && <Arrival h={h} same={same} setSame={setSame} family={family} setFamily={setFamily} errors={aErr} />}
          <Select label={t('nomineeLabel')} hint={t('nomineeHint')} value={nominee} onChange={(e) => setNominee(e.target.value)} field="nomineeUserId" error={aErr.nomineeUserId}
            options={pros.map((p) => ({ value: p.id, label: p.displayName }))} />
          <Button appearance="primary-action-button" type="submit">{t('accept')}</Button>
        </form></FieldScope>
      </section>
      <section aria-labelledby="refuse-title" className="regie-section">
        <Heading level={2} id="refuse-title">{t('refuseTitle')}</Heading>
        <FieldScope name="refuse"><form onSubmit={(e) => { e.preventDefault(); void refuse(); }} noValidate>
          <ProblemAlert error={refuseError} />
          <TextArea label={t('refusalReason')} hint={t('refuseHint')} value={reason} onChange={(e) => setReason(e.target.value)} field="reason" error={rErr.reason} />
          <Button appearance="secondary-action-button" type="submit">{t('refuse')}</Button>
        </form></FieldScope>
      </section>
    </div>
  );
}

/** How the family of a handover from another region arrives: per person, and the family to use. */
function Arrival({ h, same, setSame, family, setFamily, errors }: {
  h: HandoverDetailData; same: Record<string, string>; setSame: (v: Record<string, string>) => void; family: string; setFamily: (v: string) => void;
  errors: Record<string, string>;
}) {
  const t = useHandoverT();
  const { lang } = useI18n();
  const arrival = h.arrival!;
  const families = [...new Map(arrival.persons.flatMap((p) => p.candidates).filter((c) => c.familyId)
    .map((c) => [c.familyId!, c.familyName ?? ''])).entries()];
  return (
    <div className="regie-arrival">
      <Heading level={3}>{t('arrivalTitle')}</Heading>
      <Paragraph>{t('arrivalIntro', { region: h.fromOrganisation.regionName })}</Paragraph>
      <ul className="utrecht-unordered-list">
        {arrival.persons.map((a, i) => {
          const p = h.persons.find((x) => x.personId === a.personId);
          const name = p?.name ?? '';
          const error = errors[`persons[${Object.keys(same).filter((k) => same[k] !== 'new').indexOf(a.personId)}].existingPersonId`];
          return (
            <li key={a.personId} className="utrecht-unordered-list__item">
              <strong>{name}</strong>
              {a.bsnKnown ? ` — ${t('bsnKnown')}` : a.candidates.length === 0 ? ` — ${t('newPerson')}` : null}
              {!a.bsnKnown && a.candidates.length > 0 && (
                <RadioGroup legend={t('whichPerson', { name })} name={`same-${i}`} value={same[a.personId] ?? 'new'} error={error}
                  onChange={(v) => setSame({ ...same, [a.personId]: v })}
                  options={[{ value: 'new', label: t('registerNew') }, ...a.candidates.map((c) => ({ value: c.personId,
                    label: t('samePerson', { name: c.fullName, date: fmtDate(c.birthDate, lang), family: c.familyName ? t('familyPart', { family: c.familyName }) : '' }) }))]} />
              )}
              {!a.bsnKnown && a.possibleElsewhere && <div className="regie-muted">{t('possibleElsewhere')}</div>}
            </li>
          );
        })}
      </ul>
      {families.length > 0 && (
        <RadioGroup legend={t('familyChoice')} name="arrival-family" value={family} field="familyId" error={errors.familyId} onChange={setFamily}
          options={[{ value: 'new', label: t('newFamily') }, ...families.map(([id, name]) => ({ value: id, label: t('existingFamily', { name }) }))]} />
      )}
    </div>
  );
}
