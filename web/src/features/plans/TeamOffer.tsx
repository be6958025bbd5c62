// The confirm step after adding an action whose owner is not on the case team: choose the
// professional and legal basis, then add them to the team and save the action in one go.
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { Select, SubmitForm } from '../../ui/forms.js';
import type { Offer } from './action-draft.js';
import { usePlanT } from './texts.js';

type TeamMember = { userId: string; legalBasis: string };

export function TeamOffer({
  offer,
  member,
  setMember,
  errors,
  onSubmit,
}: {
  offer: Offer;
  member: TeamMember;
  setMember: (m: TeamMember) => void;
  errors: Record<string, string>;
  onSubmit: () => unknown;
}) {
  const t = usePlanT();
  return (
    <Alert type="info" role="status">
      <Heading level={3}>{t('offerTitle', { org: offer.organisationName })}</Heading>
      <Paragraph>{t('offerText')}</Paragraph>
      <SubmitForm onSubmit={onSubmit}>
        <Select
          label={t('offerUser', { org: offer.organisationName })}
          name="teamUserId"
          value={member.userId}
          onChange={(e) => setMember({ ...member, userId: e.target.value })}
          error={errors['teamMember.userId'] ?? errors.userId}
          options={offer.users.map((u) => ({ value: u.id, label: u.name }))}
        />
        <Select
          label={t('legalBasis')}
          name="legalBasis"
          value={member.legalBasis}
          onChange={(e) => setMember({ ...member, legalBasis: e.target.value })}
          options={(['consent', 'statutory_task', 'safety'] as const).map((b) => ({ value: b, label: t(`lb_${b}`) }))}
        />
        <Button appearance="primary-action-button" type="submit">
          {t('addAndSave')}
        </Button>
      </SubmitForm>
    </Alert>
  );
}
