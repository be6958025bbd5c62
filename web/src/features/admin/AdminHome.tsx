// "Beheer": the functional administrator's start page, one card per task (e-mail delivery is in the menu).
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useLocalT } from '../../i18n.js';
import { A } from '../../router.js';
import { TEXTS, type TextKey } from './texts.js';

const CARDS: Array<[string, TextKey, TextKey]> = [
  ['/beheer/regio', 'navSettings', 'homeSettings'],
  ['/beheer/organisaties', 'navOrganisations', 'homeOrganisations'],
  ['/beheer/accounts', 'navAccounts', 'homeAccounts'],
  ['/beheer/toegangsregels', 'navAccessRules', 'homeAccessRules'],
  ['/beheer/blinde-vlekken', 'navBlindSpots', 'homeBlindSpots'],
  ['/beheer/plan', 'navPlanRules', 'homePlanRules'],
];

export function AdminHome() {
  const t = useLocalT(TEXTS);
  return (
    <>
      <Heading level={1}>{t('homeTitle')}</Heading>
      <Paragraph className="regie-lead">{t('homeIntro')}</Paragraph>
      <ul className="regie-cards regie-admin-home">
        {CARDS.map(([href, title, text]) => (
          <li key={href} className="regie-card">
            <Heading level={2}>
              <A href={href}>{t(title)}</A>
            </Heading>
            <Paragraph>{t(text)}</Paragraph>
          </li>
        ))}
      </ul>
    </>
  );
}
