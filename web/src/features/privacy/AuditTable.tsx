import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import { A } from '../../router.js';
import { fmtDateTime } from '../../ui/time.js';

export interface AuditItem {
  seq: number; occurredAt: string; action: string; user: { id: string; name: string | null } | null; role: string | null;
  organisation: { id: string; name: string | null } | null; onBehalfOf: { id: string; name: string | null } | null; person?: { id: string; fullName: string | null } | null;
  objectType: string; objectId?: string | null; ip?: string | null; legalBasis: string | null;
  flags?: { careRelation: boolean; consent: boolean; breakGlass: boolean }; breakGlass?: boolean; outcome: string; reason: string | null;
}

/** The audit trail as a person can read it: who, for which organisation, what, about whom, why. */
export function AuditTable({ items, showPerson = true }: { items: AuditItem[]; showPerson?: boolean }) {
  const { t, label, lang } = useI18n();
  return (
    <Table className="regie-table">
      <TableHeader><TableRow>
        <TableHeaderCell scope="col">{t('when')}</TableHeaderCell><TableHeaderCell scope="col">{t('user')}</TableHeaderCell>
        <TableHeaderCell scope="col">{t('organisation')}</TableHeaderCell><TableHeaderCell scope="col">{t('action')}</TableHeaderCell>
        {showPerson && <TableHeaderCell scope="col">{t('subject')}</TableHeaderCell>}
        <TableHeaderCell scope="col">{t('object')}</TableHeaderCell><TableHeaderCell scope="col">{t('legalBasis')}</TableHeaderCell>
        <TableHeaderCell scope="col">{t('outcome')}</TableHeaderCell>
      </TableRow></TableHeader>
      <TableBody>{items.map((a) => ({ ...a, glass: a.flags?.breakGlass ?? a.breakGlass ?? false })).map((a) => (
        <TableRow key={a.seq} className={a.glass ? 'regie-row-breakglass' : a.outcome === 'denied' ? 'regie-row-denied' : undefined}>
          <TableCell>{fmtDateTime(a.occurredAt, lang)}<br /><span className="regie-muted">#{a.seq}</span></TableCell>
          <TableCell>{a.user?.name ?? '—'}<br /><span className="regie-muted">{label(a.role)}</span></TableCell>
          <TableCell>{a.organisation?.name ?? '—'}{a.onBehalfOf && a.onBehalfOf.id !== a.organisation?.id && <><br /><span className="regie-muted">{t('onBehalfOf')} {a.onBehalfOf.name}</span></>}</TableCell>
          <TableCell>{label(a.action)}</TableCell>
          {showPerson && <TableCell>{a.person ? <A href={`/privacy/personen/${a.person.id}`}>{a.person.fullName ?? a.person.id}</A> : '—'}</TableCell>}
          <TableCell>{a.objectType}</TableCell>
          <TableCell>{label(a.legalBasis) || '—'}{a.glass && <><br /><strong>{t('breakGlass')}</strong>{a.reason && `: ${a.reason}`}</>}</TableCell>
          <TableCell>{label(a.outcome)}</TableCell>
        </TableRow>
      ))}</TableBody>
    </Table>
  );
}
