// The case team as a table: organisation, person, role, legal basis, since when; for who may
// manage an open case, per member the forms to change the basis or end the membership.
import { TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { patch, post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { ListTable } from '../../ui/paged-table.js';
import { fmtDate, ago } from '../../ui/time.js';
import { A } from '../../router.js';
import type { FamilyPageData } from './FamilyPage.js';
import { ChangeBasis, EndMembership } from './TeamMemberForms.js';
import type { CaseAct } from './case-action.js';

type Case = NonNullable<FamilyPageData['currentCase']>;

export function CaseTeamTable({ c, manage, error, act }: { c: Case; manage: boolean; error: unknown; act: CaseAct }) {
  const { t, label, lang } = useI18n();
  return (
    <ListTable
      items={c.team.filter((m) => !m.endedAt)}
      head={[t('organisation'), t('person'), t('role'), t('legalBasis'), t('since'), ...(manage ? [t('actions')] : [])]}
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
          {manage && (
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
  );
}
