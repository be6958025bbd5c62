// Editing the draft: goals (per life domain, or the family's own in their words), actions with an
// owner, and — when the owner's organisation is not on the case team — the offer to add it with
// a legal basis. Then approval (when the region asks it) and the proposal.
import { useState } from 'react';
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { useSession } from '../../session.js';
import { ProblemAlert } from '../../ui/forms.js';
import { ActionForm } from './ActionForm.js';
import { CouncilCopy } from './CouncilCopy.js';
import { GoalForm } from './GoalForm.js';
import { usePlanT } from './texts.js';
import { VersionContent, type Overview, type Version } from './VersionContent.js';

export function DraftEditor({ overview, draft, onChanged }: { overview: Overview; draft: Version; onChanged: () => void }) {
  const t = usePlanT();
  const { session } = useSession();
  const [error, setError] = useState<unknown>(null);
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const params = { versionId: draft.id };
  const isLead = !!session?.user.roles.includes('team_lead');
  return (
    <section aria-labelledby="draft-title" className="regie-section">
      <Heading level={2} id="draft-title">
        {t('draft')}: {t('version', { n: draft.number })}
      </Heading>
      <ProblemAlert error={error} />
      <VersionContent
        v={draft}
        level={3}
        onRemoveGoal={(goalId) =>
          void run(() =>
            post('/api/v1/plan-versions/:versionId/goals/:goalId/remove', {
              params: { ...params, goalId },
              body: { version: draft.version },
            }),
          )
        }
        onRemoveAction={(actionId) =>
          void run(() =>
            post('/api/v1/plan-versions/:versionId/actions/:actionId/remove', {
              params: { ...params, actionId },
              body: { version: draft.version },
            }),
          )
        }
      />
      <GoalForm overview={overview} draft={draft} onSaved={onChanged} />
      <ActionForm overview={overview} draft={draft} onSaved={onChanged} />
      <CouncilCopy overview={overview} draft={draft} onSaved={onChanged} />
      {overview.teamLeadApproval && (
        <Paragraph>{draft.approvedByName ? t('approvedBy', { name: draft.approvedByName }) : t('approvalNeeded')}</Paragraph>
      )}
      <div className="regie-actions">
        {overview.teamLeadApproval && isLead && !draft.approvedAt && (
          <Button
            appearance="secondary-action-button"
            onClick={() => void run(() => post('/api/v1/plan-versions/:versionId/approve', { params, body: { version: draft.version } }))}
          >
            {t('approve')}
          </Button>
        )}
        {overview.isCoordinator ? (
          <Button
            appearance="primary-action-button"
            onClick={() => void run(() => post('/api/v1/plan-versions/:versionId/propose', { params, body: { version: draft.version } }))}
          >
            {t('propose')}
          </Button>
        ) : (
          <Paragraph className="regie-muted">{t('onlyCoordinatorProposes')}</Paragraph>
        )}
      </div>
    </section>
  );
}
