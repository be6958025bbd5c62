// The safety plan's agreements as a table — what, who, by when, how it is checked — with a remove button per agreement for those who may write.
import { useState } from 'react';
import { Button, Paragraph, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { post, type ApiResponse } from '../../api.js';
import { useI18n } from '../../i18n.js';
import { ProblemAlert } from '../../ui/forms.js';
import { ListTable } from '../../ui/paged-table.js';
import { fmtDate } from '../../ui/time.js';
import { key } from './safety-data.js';
import type { ST } from './texts.js';

type Agreement = ApiResponse<'GET', '/api/v1/cases/:caseId/safety'>['plan'][number];

export function AgreementsTable({
  st,
  caseId,
  plan,
  mayWrite,
  onChanged,
}: {
  st: ST;
  caseId: string;
  plan: Agreement[];
  mayWrite: boolean;
  onChanged: () => void;
}) {
  const { lang } = useI18n();
  const [error, setError] = useState<unknown>(null);
  if (plan.length === 0) return <Paragraph>{st('emptyPlan')}</Paragraph>;
  const remove = async (p: Agreement) => {
    setError(null);
    try {
      await post('/api/v1/cases/:caseId/safety/plan/:agreementId/remove', {
        params: { caseId, agreementId: p.id },
        body: { version: p.version },
      });
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <ProblemAlert error={error} />
      <ListTable
        items={plan}
        head={[
          st('what'),
          st('owner'),
          st('dueOn'),
          st('checkHow'),
          ...(mayWrite ? [<span className="regie-visually-hidden">{st('removeAgreement')}</span>] : []),
        ]}
        row={(p) => (
          <TableRow key={p.id}>
            <TableCell>{p.what}</TableCell>
            <TableCell>
              {p.ownerName} ({st(key(`o_${p.ownerKind === 'family_member' ? 'person' : p.ownerKind}`))})
            </TableCell>
            <TableCell>{p.dueOn ? fmtDate(p.dueOn, lang) : '—'}</TableCell>
            <TableCell>{p.checkHow}</TableCell>
            {mayWrite && (
              <TableCell>
                <Button
                  appearance="secondary-action-button"
                  aria-label={st('removeAgreementOf', { what: p.what })}
                  onClick={() => void remove(p)}
                >
                  {st('removeAgreement')}
                </Button>
              </TableCell>
            )}
          </TableRow>
        )}
      />
    </>
  );
}
