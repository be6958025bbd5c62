import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { patch, post } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { ProblemAlert } from '../../ui/forms.js';
import { useSession } from '../../session.js';
import type { FamilyPageData } from './FamilyPage.js';
import { AddTeamMemberForm } from './TeamMemberForms.js';
import { OpenCaseForm, PhaseForm, TransferForm } from './CaseForms.js';
import { ClosedResult } from './CloseCase.js';
import { useCaseAction } from './case-action.js';
import { CaseTeamTable } from './CaseTeamTable.js';
import { EndedTeam, PastCases } from './CaseHistory.js';

export { useProfessionals } from './professionals.js';

/** The case: phase, coordinator, case team with legal bases, and the forms that change them. */
export function CaseSection({ data, onChanged }: { data: FamilyPageData; onChanged: () => void }) {
  const { t } = useI18n();
  const { session } = useSession();
  const c = data.currentCase;
  const open = c && c.status !== 'closed';
  const mayManage = data.access.isCoordinator || !!session?.user.roles.includes('team_lead');
  // After closing the case: the focused result panel (with the reason given) instead of the notice.
  const { error, notice, closed, act } = useCaseAction(onChanged);

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
          <CaseTeamTable c={c} manage={!!(mayManage && open)} error={error} act={act} />
          <EndedTeam c={c} />
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
      <PastCases pastCases={data.pastCases} />
    </section>
  );
}
