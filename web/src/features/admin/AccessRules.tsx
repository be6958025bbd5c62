// "Toegangsregels": per role what it may do, and the same per permission as a table — both come
// from the server's permission table (GET /api/v1/access-rules), never from a copy in the web app.
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react';
import { useApi } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { ProblemAlert } from '../../ui/forms.js';
import { Section } from '../../ui/page-parts.js';
import { TEXTS, type AccessRules as Rules, type Label } from './texts.js';

type Permission = Rules['permissions'][number];

/** Permissions under their part of Regie, in the order of the policy table. */
function groups(permissions: Permission[]): Array<[Label, Permission[]]> {
  const out = new Map<string, [Label, Permission[]]>();
  for (const p of permissions) {
    const g = out.get(p.group.nl) ?? [p.group, []];
    g[1].push(p);
    out.set(p.group.nl, g);
  }
  return [...out.values()];
}

export function AccessRules() {
  const t = useLocalT(TEXTS);
  const { lang } = useI18n();
  const { data: rules, error } = useApi('/api/v1/access-rules');
  const l = (x: Label) => (lang === 'en' ? x.en : x.nl);
  const byKey = new Map(rules?.permissions.map((p) => [p.permission, p]) ?? []);

  return (
    <>
      <Heading level={1}>{t('rulesTitle')}</Heading>
      <Paragraph className="regie-lead">{t('rulesIntro')}</Paragraph>
      <ProblemAlert error={error} />
      {rules && (
        <>
          <ul className="regie-cards regie-admin-roles">
            {rules.roles.map((r) => (
              <li key={r.role} className="regie-card">
                <Heading level={2} id={`role-${r.role}`}>
                  {l(r.label)}
                </Heading>
                <Paragraph>{l(r.description)}</Paragraph>
                {r.permissions.length === 0 ? (
                  <Paragraph>{t('rulesNothing')}</Paragraph>
                ) : (
                  <>
                    <Paragraph>
                      <strong>{t('rulesMay')}</strong>
                    </Paragraph>
                    <ul className="utrecht-unordered-list" aria-labelledby={`role-${r.role}`}>
                      {r.permissions.map((p) => (
                        <li key={p} className="utrecht-unordered-list__item">
                          {byKey.get(p) ? l(byKey.get(p)!.label) : p}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </li>
            ))}
          </ul>

          <Section id="rules-records" title={t('recordRules')}>
            <ul className="utrecht-unordered-list">
              {rules.recordRules.map((r) => (
                <li key={r.nl} className="utrecht-unordered-list__item">
                  {l(r)}
                </li>
              ))}
            </ul>
          </Section>

          <Section id="rules-matrix" title={t('matrix')}>
            <div className="regie-admin-scroll">
              <Table className="regie-table regie-admin-matrix">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('permission')}</TableHeaderCell>
                    {rules.roles.map((r) => (
                      <TableHeaderCell key={r.role} scope="col">
                        {l(r.label)}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                {groups(rules.permissions).map(([group, perms]) => (
                  <TableBody key={group.nl}>
                    <TableRow className="regie-admin-group">
                      <TableHeaderCell scope="colgroup" colSpan={rules.roles.length + 1}>
                        {l(group)}
                      </TableHeaderCell>
                    </TableRow>
                    {perms.map((p) => (
                      <TableRow key={p.permission}>
                        <TableHeaderCell scope="row">{l(p.label)}</TableHeaderCell>
                        {rules.roles.map((r) => {
                          const may = p.roles.includes(r.role);
                          return (
                            <TableCell key={r.role} className={may ? 'regie-admin-may' : 'regie-admin-maynot'}>
                              <span aria-hidden="true">{may ? '✓' : '–'}</span>
                              <span className="regie-visually-hidden">{may ? t('allowed') : t('notAllowed')}</span>
                            </TableCell>
                          );
                        })}
                      </TableRow>
                    ))}
                  </TableBody>
                ))}
              </Table>
            </div>
          </Section>
        </>
      )}
    </>
  );
}
