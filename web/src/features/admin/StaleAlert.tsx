// A problem from the server, with — when someone else saved in the meantime (409 stale_version) —
// a button that loads the latest version while the form keeps what the user typed.
import { Button } from '@rijkshuisstijl-community/components-react';
import { ApiError } from '../../api.js';
import { useLocalT } from '../../i18n.js';
import { ProblemAlert } from '../../ui/forms.js';
import { TEXTS } from './texts.js';

export const isStale = (e: unknown) => e instanceof ApiError && e.problem.code === 'stale_version';

export function StaleAlert({ error, onReload }: { error: unknown; onReload: () => void }) {
  const t = useLocalT(TEXTS);
  return (
    <ProblemAlert error={error}>
      {isStale(error) && (
        <Button appearance="secondary-action-button" onClick={onReload}>
          {t('reloadKeep')}
        </Button>
      )}
    </ProblemAlert>
  );
}
