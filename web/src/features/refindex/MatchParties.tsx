// The organisations involved in one match: their contact, how to reach them, the period and whether still active.
import { TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useI18n, useLocalT } from '../../i18n.js';
import { ListTable } from '../../ui/paged-table.js';
import { fmtDate } from '../../ui/time.js';
import { telHref } from './match-format.js';
import { TEXTS, type Party } from './texts.js';

export function MatchParties({ parties }: { parties: Party[] }) {
  const t = useLocalT(TEXTS);
  const { lang } = useI18n();
  return (
    <ListTable
      items={parties}
      caption={t('parties')}
      scroll="regie-refindex-scroll"
      head={[t('organisation'), t('contact'), t('phone'), t('email'), t('period'), t('status')]}
      row={(p) => (
        <TableRow key={p.organisation.id}>
          <TableCell>
            {p.organisation.name ?? '—'}
            {p.own && <span className="regie-muted"> ({t('yours')})</span>}
          </TableCell>
          <TableCell>{p.contactName}</TableCell>
          <TableCell>
            {p.contactPhone ? (
              <a className="utrecht-link" href={telHref(p.contactPhone)}>
                {p.contactPhone}
              </a>
            ) : (
              '—'
            )}
          </TableCell>
          <TableCell>
            {p.contactEmail ? (
              <a className="utrecht-link" href={`mailto:${p.contactEmail}`}>
                {p.contactEmail}
              </a>
            ) : (
              '—'
            )}
          </TableCell>
          <TableCell>
            {fmtDate(p.startDate, lang)} {t('until')} {fmtDate(p.endDate, lang)}
          </TableCell>
          <TableCell>{p.active ? t('active') : t('inactive')}</TableCell>
        </TableRow>
      )}
    />
  );
}
