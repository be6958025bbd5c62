// "Doorlooptijden": per organisation the median and 90th percentile of each step of the chain
// over a period (a table, with simple bars beside it), and per case the moments and the days
// between them, where the coordinator records first contact and the agreed plan.
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { CaseChain } from './CaseChain.js';
import { OrganisationFigures } from './OrganisationFigures.js';
import { useHandoverT } from './texts.js';

export function LeadTimesScreen() {
  const t = useHandoverT();
  const caseParam = new URLSearchParams(location.search).get('caseId') ?? '';
  return (
    <>
      <Heading level={1}>{t('leadTimes')}</Heading>
      <Paragraph>{t('leadIntro')}</Paragraph>
      <OrganisationFigures />
      <CaseChain initialCaseId={caseParam} />
    </>
  );
}
