// The family page's members: a table with an edit button per member, the edit form and the add form.
import { useState } from 'react';
import { Heading, TableCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import { ListTable } from '../../ui/paged-table.js';
import { fmtDate } from '../../ui/time.js';
import type { FamilyPageData } from './FamilyPage.js';
import { EditMemberForm } from './EditMemberForm.js';
import { AddMemberForm } from './MemberForms.js';

/** One line of an address from its parts, or a dash. */
function addressLine(m: Pick<FamilyPageData['members'][number], 'street' | 'houseNumber' | 'postcode' | 'city'>) {
  return [m.street && `${m.street} ${m.houseNumber ?? ''}`, m.postcode, m.city].filter(Boolean).join(', ') || '—';
}

export function MembersSection({ data, readOnly, load }: { data: FamilyPageData; readOnly: boolean; load: () => void }) {
  const { t, label, lang } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section aria-labelledby="members-title" className="regie-section">
      <Heading level={2} id="members-title">
        {t('members')}
      </Heading>
      <ListTable
        items={data.members}
        head={[
          t('name'),
          t('relation'),
          t('birthDate'),
          t('bsn'),
          t('address'),
          <span key="actions" className="regie-visually-hidden">
            {t('actions')}
          </span>,
        ]}
        row={(m) => (
          <TableRow key={m.personId}>
            <TableCell>{m.fullName}</TableCell>
            <TableCell>{label(m.relation)}</TableCell>
            <TableCell>
              {fmtDate(m.birthDate, lang)}
              {m.age !== null && ` (${m.age} ${t('years')})`}
            </TableCell>
            <TableCell>{m.bsn ?? '—'}</TableCell>
            <TableCell>{addressLine(m)}</TableCell>
            <TableCell>
              {!readOnly && (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  aria-label={`${t('edit')}: ${m.fullName}`}
                  onClick={() => setEditing(m.personId)}
                >
                  {t('edit')}
                </button>
              )}
            </TableCell>
          </TableRow>
        )}
      />
      {!readOnly && editing && data.members.find((m) => m.personId === editing) && (
        <EditMemberForm
          key={editing}
          member={data.members.find((m) => m.personId === editing)!}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
          onReload={() => void load()}
        />
      )}
      {!readOnly && <AddMemberForm familyId={data.id} onSaved={load} />}
    </section>
  );
}
