// Reference index (verwijsindex) — the screen at /verwijsindex (registered in main.tsx):
// my matches first (they ask for action), then registering, then the organisation's registrations.
import { useState } from 'react';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useLocalT } from '../../i18n.js';
import { Matches } from './Matches.js';
import { RegisterForm } from './RegisterForm.js';
import { Registrations } from './Registrations.js';
import { TEXTS } from './texts.js';
import './refindex.css';

export function RefIndex() {
  const t = useLocalT(TEXTS);
  const [version, setVersion] = useState(0);
  return (
    <>
      <Heading level={1}>{t('title')}</Heading>
      <Paragraph className="regie-lead">{t('intro')}</Paragraph>
      <Matches />
      <RegisterForm onRegistered={() => setVersion((v) => v + 1)} />
      <Registrations version={version} />
    </>
  );
}
