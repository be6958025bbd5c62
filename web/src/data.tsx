// The web app's data layer: every answer of the API is fetched and cached by TanStack Query, keyed
// by the route and its parameters, so that screens only say what they need. `useApi` reads one
// route, `usePagedList` one cursor-paged list (every list of the API pages the same way: `items`
// and `nextCursor`), `<Pager>` shows its buttons. After a write, `refreshApi()` fetches what is on
// screen again.
import { useMemo, useState, type ReactNode } from 'react';
import { keepPreviousData, QueryClient, QueryClientProvider, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Button } from '@rijkshuisstijl-community/components-react';
import { api, type ApiOptions, type ApiResponse, type PathOf } from './api.js';
import { useI18n } from './i18n.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // api() already retries once without a connection and waits out 503s; a refusal is an answer.
      retry: false,
      // Personal data is read (and audited) when a screen asks for it, not behind the user's back.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      staleTime: 0,
      gcTime: 60_000,
    },
  },
});

export function DataProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/** Fetches everything on screen again (after a write, or when the session changed). */
export const refreshApi = () => queryClient.invalidateQueries();

type GetPath = PathOf<'GET'>;
type Options<P extends GetPath> = ApiOptions<'GET', P>;

/** The key of one GET in the cache: the route, its path parameters and its query. */
const keyOf = (path: string, options: { params?: unknown; query?: unknown } | undefined) =>
  [
    'api',
    path,
    options?.params ?? null,
    options?.query instanceof URLSearchParams ? options.query.toString() : (options?.query ?? null),
  ] as const;

/**
 * Reads one route: `useApi('/api/v1/families/:familyId', { params: { familyId } })`. `enabled:
 * false` waits (for a choice the route needs). The previous answer stays on screen while the next
 * one loads.
 */
export function useApi<P extends GetPath>(
  path: P,
  options?: Options<P>,
  config: { enabled?: boolean } = {},
): UseQueryResult<ApiResponse<'GET', P>> {
  return useQuery({
    queryKey: keyOf(path, options),
    queryFn: () => (api as (m: 'GET', p: string, o?: unknown) => Promise<ApiResponse<'GET', P>>)('GET', path, options),
    placeholderData: keepPreviousData,
    enabled: config.enabled ?? true,
  });
}

/** The routes that answer a page of a list: `{ items, nextCursor }`. */
export type PagedPath = {
  [P in GetPath]: ApiResponse<'GET', P> extends { items: unknown[]; nextCursor: string | null } ? P : never;
}[GetPath];
type Query<P extends GetPath> = NonNullable<Options<P>['query']>;
type Page<P extends PagedPath> = ApiResponse<'GET', P> & { items: unknown[]; nextCursor: string | null };

export interface PagedList<P extends PagedPath> {
  /** The current page (the previous one while the next loads), or undefined before the first. */
  data: Page<P> | undefined;
  items: Page<P>['items'];
  error: unknown;
  isLoading: boolean;
  /** Pages before this one. */
  hasPrevious: boolean;
  hasNext: boolean;
  previous: () => void;
  next: () => void;
  /** Back to the first page (after adding a row). */
  first: () => void;
  /** Fetches the current page again (after a change to one of its rows). */
  refetch: () => Promise<unknown>;
}

/**
 * One cursor-paged list: the filters in `query` (without `cursor`), pages forward by the answer's
 * `nextCursor` and back by the cursors it came through. A change of the filters starts again at
 * the first page.
 */
export function usePagedList<P extends PagedPath>(
  path: P,
  options: { params?: Record<string, string>; query?: Query<P> } = {},
  config: { enabled?: boolean } = {},
): PagedList<P> {
  const filterKey = JSON.stringify([path, options.params ?? null, options.query ?? null]);
  const [trail, setTrail] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = trail.key === filterKey ? trail.cursors : [];
  const cursor = cursors[cursors.length - 1];
  const query = useMemo(() => ({ ...options.query, ...(cursor ? { cursor } : {}) }), [filterKey, cursor]); // eslint-disable-line react-hooks/exhaustive-deps
  const r = useApi(path, { params: options.params, query } as unknown as Options<P>, config);
  // PagedPath admits only routes whose answer has items and nextCursor.
  const data = r.data as Page<P> | undefined;
  return {
    data,
    items: (data?.items ?? []) as Page<P>['items'],
    error: r.error,
    isLoading: r.isLoading,
    hasPrevious: cursors.length > 0,
    hasNext: !!data?.nextCursor,
    previous: () => setTrail({ key: filterKey, cursors: cursors.slice(0, -1) }),
    first: () => setTrail({ key: filterKey, cursors: [] }),
    next: () => {
      if (data?.nextCursor) setTrail({ key: filterKey, cursors: [...cursors, data.nextCursor] });
    },
    refetch: () => r.refetch(),
  };
}

/** "Previous" and "Next" under a paged list. */
export function Pager({
  list,
  label,
}: {
  list: Pick<PagedList<PagedPath>, 'hasPrevious' | 'hasNext' | 'previous' | 'next'>;
  label?: string;
}) {
  const { t } = useI18n();
  return (
    <nav className="regie-pager" aria-label={label ?? t('pagination')}>
      {list.hasPrevious && (
        <Button appearance="secondary-action-button" onClick={list.previous}>
          {t('previous')}
        </Button>
      )}
      {list.hasNext && (
        <Button appearance="secondary-action-button" onClick={list.next}>
          {t('next')}
        </Button>
      )}
    </nav>
  );
}
