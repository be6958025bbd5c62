import { useState } from 'react';
import { Alert, Button, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { patch, post } from '../../api.js';
import { useApi } from '../../data.js';
import { CaseStatus } from '@contract/shared/primitives.js';
import { LEGAL_BASES } from '@contract/shared/enums.js';
import { useI18n } from '../../i18n.js';
import { FieldScope, fieldErrors, ProblemAlert, Select, TextInput } from '../../ui/forms.js';
import { fmtDate, ago } from '../../ui/time.js';
import { useSession } from '../../session.js';
import { A } from '../../router.js';
import type { FamilyPageData } from './FamilyPage.js';
import { DateInput } from '../../ui/date-fields.js';

const PHASES = CaseStatus.options;
const BASES = LEGAL_BASES;

/** The professionals of the region; `qualified`: only those who may coordinate. */
export function useProfessionals(qualified: boolean) {
  return useApi('/api/v1/professionals', { query: qualified ? { qualified: 'true' } : {} }).data?.items ?? [];
}

/** The case: phase, coordinator, case team with legal bases, and the forms that change them. */
export function CaseSection({ data, onChanged }: { data: FamilyPageData; onChanged: () => void }) {
  const { t, label, lang } = useI18n();
  const { session } = useSession();
  const c = data.currentCase;
  const open = c && c.status !== 'closed';
  const mayManage = data.access.isCoordinator || !!session?.user.roles.includes('team_lead');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    setError(null); setNotice('');
    try { await fn(); setNotice(ok); onChanged(); } catch (err) { setError(err); }
  };
  const activeTeam = c?.team.filter((m) => !m.endedAt) ?? [];
  const endedTeam = c?.team.filter((m) => m.endedAt) ?? [];

  return (
    <section aria-labelledby="case-title" className="regie-section">
      <Heading level={2} id="case-title">{t('caseTitle')}</Heading>
      {notice && <Alert type="ok" role="status"><Paragraph>{notice}</Paragraph></Alert>}
      <ProblemAlert error={error} />
      {!open && <Paragraph>{t('noCase')}</Paragraph>}
      {!open && <OpenCaseForm familyId={data.id} onDone={(msg) => act(async () => undefined, msg)} />}
      {c && (<>
        <Heading level={3}>{t('team')}</Heading>
        <Table className="regie-table">
          <TableHeader><TableRow>
            <TableHeaderCell scope="col">{t('organisation')}</TableHeaderCell><TableHeaderCell scope="col">{t('person')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('role')}</TableHeaderCell><TableHeaderCell scope="col">{t('legalBasis')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('since')}</TableHeaderCell>{mayManage && open && <TableHeaderCell scope="col">{t('actions')}</TableHeaderCell>}
          </TableRow></TableHeader>
          <TableBody>{activeTeam.map((m) => (
            <TableRow key={m.id}>
              <TableCell>{m.organisationName} <span className="regie-muted">({label(m.organisationType)})</span></TableCell>
              <TableCell>{m.userName}</TableCell>
              <TableCell>{m.role === 'coordinator' ? <strong>{label('coordinator')}</strong> : label('member')}</TableCell>
              <TableCell>{label(m.legalBasis)}{m.handoverId && <><br /><A href={`/overdrachten/${m.handoverId}`}>{label('basis_handover')}</A></>}</TableCell>
              <TableCell>{m.notStarted
                ? <>{t('fromDate')} {fmtDate(m.startedOn, lang)} <span className="regie-muted">({t('notStartedHint')})</span></>
                : <>{fmtDate(m.startedOn, lang)} <span className="regie-muted">({ago(t, m.startedOn)})</span></>}</TableCell>
              {mayManage && open && <TableCell>
                <ChangeBasis name={m.userName} current={m.legalBasis} error={error}
                  onChange={(legalBasis) => act(() => patch('/api/v1/cases/:caseId/team-members/:membershipId', { params: { caseId: c.id, membershipId: m.id }, body: { legalBasis, version: m.version } }), `${m.userName}: ${t('saved')}`)} />
                {m.role !== 'coordinator' && <EndMembership caseId={c.id} membershipId={m.id} name={m.userName}
                onEnd={(reason) => act(() => post('/api/v1/cases/:caseId/team-members/:membershipId/end', { params: { caseId: c.id, membershipId: m.id }, body: { reason, version: m.version } }), `${m.userName}: ${t('ended').toLowerCase()}`)} />}</TableCell>}
            </TableRow>
          ))}</TableBody>
        </Table>
        {endedTeam.length > 0 && (
          <details className="regie-disclosure"><summary>{t('ended')} ({endedTeam.length})</summary>
            <ul className="utrecht-unordered-list">{endedTeam.map((m) => (
              <li key={m.id} className="utrecht-unordered-list__item">{m.userName} ({m.organisationName}) — {label(m.role)}, {fmtDate(m.startedOn, lang)} – {fmtDate(m.endedAt, lang)}{m.endedReason && `: ${m.endedReason}`}</li>
            ))}</ul>
          </details>
        )}
        {mayManage && open && (<>
          <AddTeamMemberForm onSubmit={(userId, legalBasis, startsOn) =>
            act(() => post('/api/v1/cases/:caseId/team-members', { params: { caseId: c.id }, body: { userId, legalBasis, caseVersion: c.version, ...(startsOn ? { startsOn } : {}) } }), t('saved'))} error={error} />
          <TransferForm currentUserId={c.coordinator?.userId} onSubmit={(toUserId, reason) =>
            act(() => post('/api/v1/cases/:caseId/coordinator-transfers', { params: { caseId: c.id }, body: { toUserId, caseVersion: c.version, ...(reason ? { reason } : {}) } }), t('saved'))} error={error} />
        </>)}
        {mayManage && (
          <PhaseForm status={c.status} onSubmit={(status, closedReason) =>
            act(() => patch('/api/v1/cases/:caseId', { params: { caseId: c.id }, body: { status, version: c.version, ...(closedReason ? { closedReason } : {}) } }), t('saved'))} error={error} />
        )}
      </>)}
      {data.pastCases.length > 0 && (<>
        <Heading level={3}>{t('pastCases')}</Heading>
        <ul className="utrecht-unordered-list">{data.pastCases.map((p) => (
          <li key={p.id} className="utrecht-unordered-list__item">{fmtDate(p.openedAt, lang)} – {fmtDate(p.closedAt, lang)}: {label(p.status)}{p.closedReason && ` (${p.closedReason})`}</li>
        ))}</ul>
      </>)}
    </section>
  );
}

function EndMembership({ name, onEnd }: { caseId: string; membershipId: string; name: string; onEnd: (reason: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) return <Button appearance="secondary-action-button" onClick={() => setOpen(true)} aria-label={`${t('endMembership')}: ${name}`}>{t('endMembership')}</Button>;
  return (
    <FieldScope name={`end-${name}`}><form onSubmit={(e) => { e.preventDefault(); onEnd(reason); }} className="regie-inline-form">
      <TextInput label={`${t('endReason')} (${name})`} value={reason} onChange={(e) => setReason(e.target.value)} />
      <Button appearance="primary-action-button" type="submit">{t('endMembership')}</Button>
      <Button appearance="subtle-button" onClick={() => setOpen(false)}>{t('cancel')}</Button>
    </form></FieldScope>
  );
}

/** The legal basis of one membership; the version it was shown with goes along, so a change made meanwhile answers 409 and the choice stays. */
function ChangeBasis({ name, current, onChange, error }: { name: string; current: string; onChange: (legalBasis: string) => void; error: unknown }) {
  const { t, label, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [basis, setBasis] = useState('');
  const errors = fieldErrors(error, lang);
  if (!open) return <Button appearance="secondary-action-button" onClick={() => setOpen(true)} aria-label={`${t('changeBasis')}: ${name}`}>{t('changeBasis')}</Button>;
  return (
    <FieldScope name={`basis-${name}`}><form onSubmit={(e) => { e.preventDefault(); onChange(basis); }} className="regie-inline-form" noValidate>
      <Select label={`${t('newBasis')} (${name})`} value={basis} onChange={(e) => setBasis(e.target.value)} field="legalBasis" error={errors.legalBasis}
        options={BASES.filter((b) => b !== current).map((b) => ({ value: b, label: label(b) }))} />
      <Button appearance="primary-action-button" type="submit">{t('save')}</Button>
      <Button appearance="subtle-button" onClick={() => setOpen(false)}>{t('cancel')}</Button>
    </form></FieldScope>
  );
}

function AddTeamMemberForm({ onSubmit, error }: { onSubmit: (userId: string, legalBasis: string, startsOn: string) => void; error: unknown }) {
  const { t, label, lang } = useI18n();
  const pros = useProfessionals(false);
  const [userId, setUserId] = useState('');
  const [basis, setBasis] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const errors = fieldErrors(error, lang);
  return (
    <details className="regie-disclosure"><summary>{t('addTeamMember')}</summary>
      <FieldScope name="team"><form onSubmit={(e) => { e.preventDefault(); onSubmit(userId, basis, startsOn); }} noValidate>
        <div className="regie-grid">
          <Select label={t('person')} value={userId} onChange={(e) => setUserId(e.target.value)} field="userId" error={errors.userId}
            options={pros.map((p) => ({ value: p.id, label: `${p.displayName} — ${p.organisationName}` }))} />
          <Select label={t('legalBasis')} value={basis} onChange={(e) => setBasis(e.target.value)} field="legalBasis" error={errors.legalBasis} options={BASES.map((b) => ({ value: b, label: label(b) }))} />
          <DateInput label={`${t('startsOn')} ${t('optional')}`} hint={t('startsOnHint')} value={startsOn} onChange={setStartsOn} field="startsOn" error={errors.startsOn} />
        </div>
        <Button appearance="primary-action-button" type="submit">{t('save')}</Button>
      </form></FieldScope>
    </details>
  );
}

function TransferForm({ currentUserId, onSubmit, error }: { currentUserId?: string; onSubmit: (to: string, reason: string) => void; error: unknown }) {
  const { t, lang } = useI18n();
  const pros = useProfessionals(true).filter((p) => p.id !== currentUserId);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(error, lang);
  return (
    <details className="regie-disclosure"><summary>{t('transfer')}</summary>
      <FieldScope name="transfer"><form onSubmit={(e) => { e.preventDefault(); onSubmit(to, reason); }} noValidate>
        <div className="regie-grid">
          <Select label={t('transferTo')} hint={t('coordinatorHint')} value={to} onChange={(e) => setTo(e.target.value)} field="toUserId" error={errors.toUserId}
            options={pros.map((p) => ({ value: p.id, label: `${p.displayName} — ${p.organisationName}` }))} />
          <TextInput label={t('transferReason')} value={reason} onChange={(e) => setReason(e.target.value)} field="reason" error={errors.reason} />
        </div>
        <Button appearance="primary-action-button" type="submit">{t('transfer')}</Button>
      </form></FieldScope>
    </details>
  );
}

function PhaseForm({ status, onSubmit, error }: { status: string; onSubmit: (status: string, reason: string) => void; error: unknown }) {
  const { t, label, lang } = useI18n();
  const [next, setNext] = useState('');
  const [reason, setReason] = useState('');
  const errors = fieldErrors(error, lang);
  return (
    <details className="regie-disclosure"><summary>{t('changePhase')}</summary>
      <FieldScope name="phase"><form onSubmit={(e) => { e.preventDefault(); onSubmit(next, reason); }} noValidate>
        <div className="regie-grid">
          <Select label={t('newPhase')} value={next} onChange={(e) => setNext(e.target.value)} field="status" error={errors.status}
            options={PHASES.filter((p) => p !== status).map((p) => ({ value: p, label: label(p) }))} />
          {next === 'closed' && <TextInput label={t('closedReason')} value={reason} onChange={(e) => setReason(e.target.value)} field="closedReason" error={errors.closedReason} />}
        </div>
        <Button appearance="primary-action-button" type="submit">{t('save')}</Button>
      </form></FieldScope>
    </details>
  );
}

function OpenCaseForm({ familyId, onDone }: { familyId: string; onDone: (msg: string) => void }) {
  const { t, label, lang } = useI18n();
  const pros = useProfessionals(true);
  const [coordinatorUserId, setCoordinator] = useState('');
  const [legalBasis, setBasis] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, lang);
  return (
    <details className="regie-disclosure"><summary>{t('openCase')}</summary>
      <FieldScope name="open-case"><form onSubmit={(e) => { e.preventDefault(); post('/api/v1/families/:familyId/cases', { params: { familyId }, body: { coordinatorUserId, legalBasis } }).then(() => onDone(t('saved')), setError); }} noValidate>
        <ProblemAlert error={error} />
        <div className="regie-grid">
          <Select label={t('coordinator')} hint={t('coordinatorHint')} value={coordinatorUserId} onChange={(e) => setCoordinator(e.target.value)} field="coordinatorUserId" error={errors.coordinatorUserId}
            options={pros.map((p) => ({ value: p.id, label: `${p.displayName} — ${p.organisationName}` }))} />
          <Select label={t('legalBasis')} value={legalBasis} onChange={(e) => setBasis(e.target.value)} field="legalBasis" error={errors.legalBasis} options={BASES.map((b) => ({ value: b, label: label(b) }))} />
        </div>
        <Button appearance="primary-action-button" type="submit">{t('openCase')}</Button>
      </form></FieldScope>
    </details>
  );
}
