// The family page's network: the people around the family, and the form to add one.
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useI18n } from '../../i18n.js';
import type { FamilyPageData } from './FamilyPage.js';
import { AddNetworkForm } from './MemberForms.js';

export function NetworkSection({ data, readOnly, load }: { data: FamilyPageData; readOnly: boolean; load: () => void }) {
  const { t, label } = useI18n();
  return (
    <section aria-labelledby="network-title" className="regie-section">
      <Heading level={2} id="network-title">
        {t('network')}
      </Heading>
      {data.network.length === 0 ? (
        <Paragraph>—</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {data.network.map((n) => (
            <li key={n.id} className="utrecht-unordered-list__item">
              {n.name} — {label(n.relation)}
              {n.phone && `, ${n.phone}`}
              {n.note && ` (${n.note})`}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && <AddNetworkForm familyId={data.id} onSaved={load} />}
    </section>
  );
}
