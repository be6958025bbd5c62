// The family's timeline: the latest events from the family page, then older ones a page at a
// time ("Oudere gebeurtenissen laden"), each event said in the reader's language.
import { useEffect, useState } from 'react';
import { Heading } from '@rijkshuisstijl-community/components-react';
import { get, type ApiResponse } from '../../api.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { ProblemAlert } from '../../ui/forms.js';
import { ago, fmtDateTime } from '../../ui/time.js';
import { useEventTexts } from './i18next.js';
import { FREE_TEXT_KINDS } from '../../../../src/shared/events/render.js';

export type TimelineItem = ApiResponse<'GET', '/api/v1/families/:familyId/timeline'>['items'][number];

const TEXTS = {
  nl: {
    loadOlder: 'Oudere gebeurtenissen laden',
    loadingOlder: 'Oudere gebeurtenissen worden geladen…',
    loaded: '{n} oudere gebeurtenissen geladen.',
    all: 'Dit is het begin van de tijdlijn.',
  },
  en: {
    loadOlder: 'Load older events',
    loadingOlder: 'Loading older events…',
    loaded: '{n} older events loaded.',
    all: 'This is the start of the timeline.',
  },
};
const FIRST = 12;

export function Timeline({ familyId, events, cursor }: { familyId: string; events: TimelineItem[]; cursor: string | null }) {
  const { t, lang } = useI18n();
  const local = useLocalT(TEXTS);
  const texts = useEventTexts();
  const [older, setOlder] = useState<TimelineItem[]>([]);
  const [next, setNext] = useState<string | null>(cursor);
  const [showAll, setShowAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  // The family page reloaded (after a change): start again from its latest events.
  useEffect(() => {
    setOlder([]);
    setNext(cursor);
    setNotice('');
  }, [familyId, cursor]);

  const all = [...events, ...older];
  const shown = showAll || older.length ? all : all.slice(0, FIRST);
  const loadOlder = async () => {
    if (!next) return;
    setBusy(true);
    try {
      const page = await get('/api/v1/families/:familyId/timeline', { params: { familyId }, query: { before: next, limit: 50 } });
      setOlder((o) => [...o, ...page.items.filter((i) => !o.some((x) => x.id === i.id))]);
      setNext(page.nextCursor);
      setShowAll(true);
      setNotice(local('loaded', { n: page.items.length }));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="timeline-title" className="regie-section regie-aside">
      <Heading level={2} id="timeline-title">
        {t('timeline')}
      </Heading>
      <ol className="regie-timeline">
        {shown.map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <time dateTime={e.occurredAt}>{fmtDateTime(e.occurredAt, lang)}</time>{' '}
            <span className="regie-muted">({ago(t, e.occurredAt)})</span>
            {/* A structured event is its own sentence; a note gets its category before the professional's text. */}
            <div>
              {FREE_TEXT_KINDS.has(e.kind) ? (
                <>
                  <strong>{texts.type(e.type)}</strong>: {texts.timeline(e)}
                </>
              ) : (
                texts.timeline(e)
              )}
            </div>
            {e.actorName && (
              <div className="regie-muted">
                {e.actorName}
                {e.actorOrganisation && `, ${e.actorOrganisation}`}
              </div>
            )}
          </li>
        ))}
      </ol>
      {!showAll && !older.length && all.length > FIRST && (
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setShowAll(true)}>
          {t('showAll', { n: all.length })}
        </button>
      )}
      {(showAll || all.length <= FIRST) && next && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={loadOlder}
          disabled={busy}
          aria-busy={busy}
        >
          {busy ? local('loadingOlder') : local('loadOlder')}
        </button>
      )}
      <div role="status" className="regie-muted">
        {notice}
        {notice && !next ? ` ${local('all')}` : ''}
      </div>
      <ProblemAlert error={error} />
    </section>
  );
}
