// "Berichten": the professional's own notifications, unread ones in bold, newest first.
import { useState } from 'react';
import { Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { post } from '../../api.js';
import { usePagedList } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';
import { A } from '../../router.js';
import { LiveNotice } from '../../ui/notice.js';
import { TitleRow } from '../../ui/page-parts.js';
import { PagedItems } from '../../ui/paged-table.js';
import { FilterSelect } from './FilterSelect.js';
import { ago, fmtDateTime } from '../../ui/time.js';
import { notificationsChanged, TEXTS, type NotificationItem, type TextKey } from './texts.js';
import { useEventTexts } from '../events/i18next.js';

export function Inbox() {
  const t = useLocalT(TEXTS);
  const { t: tg, lang } = useI18n();
  const texts = useEventTexts();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = usePagedList('/api/v1/notifications', { query: { limit: 20, unread: unreadOnly ? 'true' : undefined } });
  const [writeError, setWriteError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = async () => {
    setWriteError(null);
    await list.refetch();
  };

  const markRead = async (n: NotificationItem) => {
    try {
      await post('/api/v1/notifications/:notificationId/read', { params: { notificationId: n.id } });
      notificationsChanged();
      await load();
    } catch (e) {
      setWriteError(e);
    }
  };
  const markAll = async () => {
    try {
      const r = await post('/api/v1/notifications/read-all');
      setNotice(t('markedAll', { n: r.count }));
      notificationsChanged();
      await load();
    } catch (e) {
      setWriteError(e);
    }
  };
  // Following a link reads the message; the inbox is left at once, the count follows.
  const follow = (n: NotificationItem) => {
    if (!n.readAt)
      void post('/api/v1/notifications/:notificationId/read', { params: { notificationId: n.id } }).then(
        notificationsChanged,
        () => undefined,
      );
  };
  const kind = (k: string) => (`kind_${k}` in TEXTS.nl ? t(`kind_${k}` as TextKey) : null);

  return (
    <>
      <TitleRow title={t('inbox')}>
        <Button appearance="secondary-action-button" onClick={markAll}>
          {t('markAll')}
        </Button>
      </TitleRow>
      <Paragraph>{t('intro')}</Paragraph>
      <div className="regie-filters">
        <FilterSelect
          label={t('show')}
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(e) => setUnreadOnly(e.target.value === 'unread')}
          options={[
            { value: 'all', label: t('showAll') },
            { value: 'unread', label: t('showUnread') },
          ]}
        />
      </div>
      <LiveNotice text={notice} />
      <PagedItems list={list} error={writeError ?? list.error} empty={unreadOnly ? t('noneUnread') : t('none')} pagerLabel={t('pages')}>
        {(items) => (
          <ul className="regie-inbox">
            {items.map((n) => {
              const title = texts.notification(n);
              return (
                <li key={n.id} className={`regie-inbox__item${n.readAt ? '' : ' regie-inbox__item--unread'}`}>
                  <div className="regie-inbox__text">
                    <A href={n.link} onClick={() => follow(n)}>
                      {n.readAt ? (
                        title
                      ) : (
                        <>
                          <span className="regie-visually-hidden">{t('unread')}: </span>
                          <strong>{title}</strong>
                        </>
                      )}
                    </A>
                    <span className="regie-muted">
                      {kind(n.kind) && <>{kind(n.kind)} · </>}
                      <time dateTime={n.createdAt} title={fmtDateTime(n.createdAt, lang)}>
                        {ago(tg, n.createdAt)}
                      </time>
                    </span>
                  </div>
                  {!n.readAt && (
                    <Button appearance="subtle-button" onClick={() => markRead(n)}>
                      {t('markOne')}
                      <span className="regie-visually-hidden">: {title}</span>
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </PagedItems>
    </>
  );
}
