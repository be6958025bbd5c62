import { TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { ApiResponse } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { ListTable } from '../../ui/paged-table.js';
import { fmtDateTime } from '../../ui/time.js';
import { auditObjectLabel } from '@contract/shared/audit-objects.js';

/** A row of the audit log (privacy officer) or of a person's access log. */
export type AuditItem =
  ApiResponse<'GET', '/api/v1/audit-events'>['items'][number] | ApiResponse<'GET', '/api/v1/persons/:personId/access-log'>['items'][number];

/** The audit trail as a person can read it: who, for which organisation, what, about whom, why. */
export function AuditTable({ items, showPerson = true }: { items: AuditItem[]; showPerson?: boolean }) {
  const { t, label, lang } = useI18n();
  return (
    <ListTable
      items={items.map((a) => ({ ...a, glass: 'flags' in a ? a.flags.breakGlass : a.breakGlass, person: 'person' in a ? a.person : null }))}
      head={[
        t('when'),
        t('user'),
        t('organisation'),
        t('action'),
        ...(showPerson ? [t('subject')] : []),
        t('object'),
        t('legalBasis'),
        t('outcome'),
      ]}
      row={(a) => (
        <TableRow key={a.seq} className={a.glass ? 'regie-row-breakglass' : a.outcome === 'denied' ? 'regie-row-denied' : undefined}>
          <TableCell>
            {fmtDateTime(a.occurredAt, lang)}
            <br />
            <span className="regie-muted">#{a.seq}</span>
          </TableCell>
          <TableCell>
            {a.user?.name ?? '—'}
            <br />
            <span className="regie-muted">{label(a.role)}</span>
          </TableCell>
          <TableCell>
            {a.organisation?.name ?? '—'}
            {a.onBehalfOf && a.onBehalfOf.id !== a.organisation?.id && (
              <>
                <br />
                <span className="regie-muted">
                  {t('onBehalfOf')} {a.onBehalfOf.name}
                </span>
              </>
            )}
          </TableCell>
          <TableCell>{label(a.action)}</TableCell>
          {showPerson && (
            <TableCell>{a.person ? <A href={`/privacy/personen/${a.person.id}`}>{a.person.fullName ?? a.person.id}</A> : '—'}</TableCell>
          )}
          <TableCell>{auditObjectLabel(a.objectType, lang)}</TableCell>
          <TableCell>
            {label(a.legalBasis) || '—'}
            {a.glass && (
              <>
                <br />
                <strong>{t('breakGlass')}</strong>
                {a.reason && `: ${a.reason}`}
              </>
            )}
          </TableCell>
          <TableCell>{label(a.outcome)}</TableCell>
        </TableRow>
      )}
    />
  );
}
