// The plan — screens registered in main.tsx (/plannen/:caseId, /plannen/:caseId/vergelijken) and
// the summary the family page shows.
import { PlanScreen } from './PlanPage.js';
import { CompareScreen } from './Compare.js';

export { PlanSummary } from './PlanSummary.js';
export function Plan({ caseId }: { caseId: string }) {
  return <PlanScreen caseId={caseId} />;
}
export function PlanCompare({ caseId }: { caseId: string }) {
  return <CompareScreen caseId={caseId} />;
}
