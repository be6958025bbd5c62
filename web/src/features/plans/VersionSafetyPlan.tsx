// The safety plan as it was proposed with a plan version (kept with the version, issue 14): what
// the parties agreed to, not the case's safety plan of today.
import { Heading, Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import { ListTable } from '../../ui/paged-table.js';
import { fmtDate } from '../../ui/time.js';
import { usePlanT } from './texts.js';
import type { Version } from './VersionContent.js';

export function VersionSafetyPlan({ v, level }: { v: Version; level: 2 | 3 }) {
  const t = usePlanT();
  const { lang } = useI18n();
  if (v.status === 'draft') return null;
  return (
    <>
      <Heading level={level}>{t('safetyPlanKept')}</Heading>
      {v.safetyPlan === null ? (
        <Paragraph>{t('safetyPlanNotKept')}</Paragraph>
      ) : v.safetyPlan.length === 0 ? (
        <Paragraph>{t('safetyPlanNone')}</Paragraph>
      ) : (
        <>
          <Paragraph className="regie-muted">{t('safetyPlanKeptNote')}</Paragraph>
          <ListTable
            items={v.safetyPlan}
            head={[t('spWhat'), t('spWho'), t('spWhen'), t('spCheck')]}
            row={(s, i) => (
              <TableRow key={`${i}-${s.what}`}>
                <TableCell>{s.what}</TableCell>
                <TableCell>{s.who}</TableCell>
                <TableCell>{s.when ? fmtDate(s.when, lang) : '—'}</TableCell>
                <TableCell>{s.check ?? '—'}</TableCell>
              </TableRow>
            )}
          />
        </>
      )}
    </>
  );
}
