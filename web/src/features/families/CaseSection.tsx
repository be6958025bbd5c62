import { useState } from 'react';
import { Alert, Heading, Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { patch, post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { ListTable } from '../../ui/paged-table.js';
import { ProblemAlert } from '../../ui/forms.js';
import { fmtDate, ago } from '../../ui/time.js';
import { useSession } from '../../session.js';
import { A } from '../../router.js';
import type { FamilyPageData } from './FamilyPage.js';
import { AddTeamMemberForm, ChangeBasis, EndMembership } from './TeamMemberForms.js';
import { OpenCaseForm, PhaseForm, TransferForm } from './CaseForms.js';
import { ClosedResult } from './CloseCase.js';

export { useProfessionals } from './professionals.js';

/** The case: phase, coordinator, case team with legal bases, and the forms that change them. */
export function CaseSection({ data, onChanged }: { data: FamilyPageData; onChanged: () => void }) {
  const { t, label, lang } = useI18n();
  const { session } = useSession();
  const c = data.currentCase;
  const open = c && c.status !== 'closed';
  const mayManage = data.access.isCoordinator || !!session?.user.roles.includes('team_lead');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  // After closing the case: the focused result panel (with the reason given) instead of the notice.
  const [closed, setClosed] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>, ok: string, closedReason?: string) => {
    setError(null);
    setNotice('');
    setClosed(null);
    try {
      await fn();
      setNotice(ok);
      if (closedReason !== undefined) setClosed(closedReason);
      onChanged();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };
  const activeTeam = c?.team.filter((m) => !m.endedAt) ?? [];
  const endedTeam = c?.team.filter((m) => m.endedAt) ?? [];

  return (
    <section aria-labelledby="case-title" className="regie-section">
      <Heading level={2} id="case-title">
        {t('caseTitle')}
      </Heading>
      {closed !== null ? (
        <ClosedResult family={data.name} reason={closed} />
      ) : (
        notice && (
          <Alert type="ok" role="status">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )
      )}
      <ProblemAlert error={error} />
      {!open && <Paragraph>{t('noCase')}</Paragraph>}
      {!open && <OpenCaseForm familyId={data.id} onDone={(msg) => act(async () => undefined, msg)} />}
      {c && (
        <>
          <Heading level={3}>{t('team')}</Heading>
          <ListTable
            items={activeTeam}
            head={[t('organisation'), t('person'), t('role'), t('legalBasis'), t('since'), ...(mayManage && open ? [t('actions')] : [])]}
            row={(m) => (
              <TableRow key={m.id}>
                <TableCell>
                  {m.organisationName} <span className="regie-muted">({label(m.organisationType)})</span>
                </TableCell>
                <TableCell>{m.userName}</TableCell>
                <TableCell>{m.role === 'coordinator' ? <strong>{label('coordinator')}</strong> : label('member')}</TableCell>
                <TableCell>
                  {label(m.legalBasis)}
                  {m.handoverId && (
                    <>
                      <br />
                      <A href={`/overdrachten/${m.handoverId}`}>{label('basis_handover')}</A>
                    </>
                  )}
                </TableCell>
                <TableCell>
                  {m.notStarted ? (
                    <>
                      {t('fromDate')} {fmtDate(m.startedOn, lang)} <span className="regie-muted">({t('notStartedHint')})</span>
                    </>
                  ) : (
                    <>
                      {fmtDate(m.startedOn, lang)} <span className="regie-muted">({ago(t, m.startedOn)})</span>
                    </>
                  )}
                </TableCell>
                {mayManage && open && (
                  <TableCell>
                    <ChangeBasis
                      name={m.userName}
                      current={m.legalBasis}
                      error={error}
                      onChange={(legalBasis) =>
                        act(
                          () =>
                            patch('/api/v1/cases/:caseId/team-members/:membershipId', {
                              params: { caseId: c.id, membershipId: m.id },
                              body: { legalBasis, version: m.version },
                            }),
                          `${m.userName}: ${t('saved')}`,
                        )
                      }
                    />
                    {m.role !== 'coordinator' && (
                      <EndMembership
                        caseId={c.id}
                        membershipId={m.id}
                        name={m.userName}
                        onEnd={(reason) =>
                          act(
                            () =>
                              post('/api/v1/cases/:caseId/team-members/:membershipId/end', {
                                params: { caseId: c.id, membershipId: m.id },
                                body: { reason, version: m.version },
                              }),
                            `${m.userName}: ${t('ended').toLowerCase()}`,
                          )
                        }
                      />
                    )}
                  </TableCell>
                )}
              </TableRow>
            )}
          />
          {endedTeam.length > 0 && (
            <details className="regie-disclosure">
              <summary>
                {t('ended')} ({endedTeam.length})
              </summary>
              <ul className="utrecht-unordered-list">
                {endedTeam.map((m) => (
                  <li key={m.id} className="utrecht-unordered-list__item">
                    {m.userName} ({m.organisationName}) — {label(m.role)}, {fmtDate(m.startedOn, lang)} – {fmtDate(m.endedAt, lang)}
                    {m.endedReason && `: ${m.endedReason}`}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {mayManage && open && (
            <>
              <AddTeamMemberForm
                onSubmit={(userId, legalBasis, startsOn) =>
                  act(
                    () =>
                      post('/api/v1/cases/:caseId/team-members', {
                        params: { caseId: c.id },
                        body: { userId, legalBasis, caseVersion: c.version, ...(startsOn ? { startsOn } : {}) },
                      }),
                    t('saved'),
                  )
                }
                error={error}
              />
              <TransferForm
                currentUserId={c.coordinator?.userId}
                onSubmit={(toUserId, reason) =>
                  act(
                    () =>
                      post('/api/v1/cases/:caseId/coordinator-transfers', {
                        params: { caseId: c.id },
                        body: { toUserId, caseVersion: c.version, ...(reason ? { reason } : {}) },
                      }),
                    t('saved'),
                  )
                }
                error={error}
              />
            </>
          )}
          {mayManage && (
            <PhaseForm
              status={c.status}
              family={data.name}
              onSubmit={(status, closedReason) =>
                act(
                  () =>
                    patch('/api/v1/cases/:caseId', {
                      params: { caseId: c.id },
                      body: { status, version: c.version, ...(closedReason ? { closedReason } : {}) },
                    }),
                  t('saved'),
                  status === 'closed' ? closedReason : undefined,
                )
              }
              error={error}
            />
          )}
        </>
      )}
      {data.pastCases.length > 0 && (
        <>
          <Heading level={3}>{t('pastCases')}</Heading>
          <ul className="utrecht-unordered-list">
            {data.pastCases.map((p) => (
              <li key={p.id} className="utrecht-unordered-list__item">
                {fmtDate(p.openedAt, lang)} – {fmtDate(p.closedAt, lang)}: {label(p.status)}
                {p.closedReason && ` (${p.closedReason})`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
