// One family in "Mijn gezinnen": its name with what is overdue, members, phase, coordinator, age and last activity.
import { TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useI18n, useLocalT } from '../../i18n.js';
import { A } from '../../router.js';
import { ago, fmtDate } from '../../ui/time.js';
import { membersLine, quietTooLong, TEXTS, type FamilyRowData } from './my-families.js';

export function FamilyRow({ f }: { f: FamilyRowData }) {
  const { t, label, lang } = useI18n();
  const local = useLocalT(TEXTS);
  const quiet = quietTooLong(f.lastActivityAt);
  return (
    <TableRow>
      <TableCell>
        <A href={`/gezinnen/${f.id}`}>{f.name}</A>
        {f.councilOverdue && (
          <>
            <br />
            <span className="regie-overdue" title={local('councilOverdueLong')}>
              {local('councilOverdue')}
            </span>
          </>
        )}
        {f.noAgreedPlan && (
          <>
            <br />
            <span className="regie-overdue" title={local('noAgreedPlanLong')}>
              {local('noAgreedPlan')}
            </span>
          </>
        )}
        {f.actionsOverdue > 0 && (
          <>
            <br />
            <span className="regie-overdue">{local('actionsOverdue', { n: f.actionsOverdue })}</span>
          </>
        )}
      </TableCell>
      <TableCell>{membersLine(f.members)}</TableCell>
      <TableCell>
        <span className={`regie-badge regie-badge--${f.caseStatus}`}>{label(f.caseStatus)}</span>
      </TableCell>
      <TableCell>
        {f.coordinatorName ?? '—'}
        {f.isCoordinator && <span className="regie-muted"> ({t('youAreCoordinator')})</span>}
      </TableCell>
      <TableCell>
        {fmtDate(f.openedAt, lang)}
        <br />
        <span className="regie-muted">{ago(t, f.openedAt)}</span>
      </TableCell>
      <TableCell className={quiet ? 'regie-overdue' : undefined}>
        {ago(t, f.lastActivityAt)}
        {quiet && (
          <>
            <br />
            <span className="regie-overdue__why">{t('quietTooLong')}</span>
          </>
        )}
      </TableCell>
    </TableRow>
  );
}
