// What a handover carries and how it was answered: the information package (with the persons it is
// about) and, once answered, the answer.
import { Heading, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import type { ApiResponse } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { Section } from '../../ui/page-parts.js';
import { ListTable } from '../../ui/paged-table.js';
import { fmtDate, fmtDateTime } from '../../ui/time.js';
import { DataList } from '../signals/controls.js';
import { useHandoverT } from './texts.js';

type HandoverDetailData = ApiResponse<'GET', '/api/v1/handovers/:handoverId'>;

export function HandoverPackage({ h }: { h: HandoverDetailData }) {
  const t = useHandoverT();
  const { lang, label } = useI18n();
  const hasBsn = h.persons.some((p) => p.bsn);
  return (
    <Section id="package-title" title={t('package')}>
      <DataList
        items={[
          [t('subject'), `${h.subjectLabel} (${t(h.subjectType === 'case' ? 'caseLabel' : 'signalLabel')})`],
          [
            t('sender'),
            `${h.senderName} (${h.fromOrganisation.name}${h.crossRegion ? `, ${t('region', { name: h.fromOrganisation.regionName })}` : ''}), ${fmtDateTime(h.sentAt, lang)}`,
          ],
          ...(h.toUser ? [[t('toUser'), h.toUser.name] as [string, string]] : []),
          [t('reason'), h.reason],
          [
            t('safety'),
            <span key="s" className={`regie-badge regie-badge--${h.safetyAssessment}`}>
              {t(h.safetyAssessment)}
            </span>,
          ],
          ...(h.safetyNotes ? [[t('safetyNotes'), h.safetyNotes] as [string, string]] : []),
          [t('known'), h.knownInformation],
          [t('legalBasis'), label(h.legalBasis)],
          [t('senderAccess'), h.senderAccess === 'ends' ? t('accessEnds') : t('accessContinues')],
        ]}
      />
      {h.persons.length > 0 && (
        <>
          <Heading level={3}>{t('persons')}</Heading>
          <ListTable
            items={h.persons}
            head={[t('name'), t('relation'), t('birthDate'), ...(hasBsn ? [t('bsn')] : [])]}
            row={(p) => (
              <TableRow key={p.personId}>
                <TableCell>{p.name}</TableCell>
                <TableCell>{label(p.relation) || '—'}</TableCell>
                <TableCell>{fmtDate(p.birthDate, lang)}</TableCell>
                {hasBsn && <TableCell>{p.bsn ?? '—'}</TableCell>}
              </TableRow>
            )}
          />
        </>
      )}
    </Section>
  );
}

/** The receiver's answer: status, when and by whom, the nominated coordinator or the reason for refusing. */
export function HandoverAnswer({ h }: { h: HandoverDetailData }) {
  const t = useHandoverT();
  const { lang } = useI18n();
  return (
    <Section id="answer-title" title={t('answer')}>
      <DataList
        items={[
          [t('status'), t(h.status)],
          [t('respondedAt'), `${fmtDateTime(h.respondedAt, lang)}${h.respondedByName ? ` (${h.respondedByName})` : ''}`],
          ...(h.nomineeName ? [[t('nominee'), h.nomineeName] as [string, string]] : []),
          ...(h.refusalReason ? [[t('refusalReason'), h.refusalReason] as [string, string]] : []),
        ]}
      />
    </Section>
  );
}
