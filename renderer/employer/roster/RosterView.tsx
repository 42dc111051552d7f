import { Eye, RefreshCw } from 'lucide-react';
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultTimeZone } from '../../../shared/domain/calendar';
import type { RosterRow } from '../../../shared/protocol/shifts';
import { useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { timeFormatter } from '../output/figures';
import { TableScroll } from '../TableScroll';
import { rosterStore, watchRequest } from './roster-store';
import './roster.css';

/**
 * Who is on shift now and what they are doing, live. A break shows as
 * "Unavailable", never why: the reason is the worker's own (the hub does
 * not send it here). A room on air can be watched read-only from its row.
 */
export function RosterView() {
  const { t, i18n } = useTranslation(['employer', 'timesheets']);
  const store = useSessionStore(rosterStore);
  const watch = useSessionStore(watchRequest);
  const rows = useSyncExternalStore(store.subscribe, () => store.rows);
  const loaded = useSyncExternalStore(store.subscribe, () => store.loaded);
  const error = useSyncExternalStore(store.subscribe, () => store.error);
  const language = i18n.resolvedLanguage ?? 'en';
  const time = useMemo(() => timeFormatter(language, defaultTimeZone), [language]);
  const onShift = rows.filter((row) => row.state !== 'off').length;

  const watchRoom = (slug: string) => {
    watch.ask(slug);
    window.location.hash = '#/employer/live';
  };

  return (
    <div className="roster">
      <p>{t('roster.intro')}</p>
      {error ? (
        <div role="alert">
          <p>{t('roster.failed')}</p>
          <Button icon={RefreshCw} onClick={() => void store.refresh()}>
            {t('retry')}
          </Button>
        </div>
      ) : null}
      {!loaded && !error ? <p role="status">{t('loading')}</p> : null}
      {loaded ? (
        <>
          <p role="status">{t('roster.count', { count: onShift, total: rows.length })}</p>
          <TableScroll label={t('roster.caption')}>
            <table className="employer-table">
              <caption>{t('roster.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roster.columns.worker')}</th>
                  <th scope="col">{t('roster.columns.team')}</th>
                  <th scope="col">{t('roster.columns.state')}</th>
                  <th scope="col">{t('roster.columns.since')}</th>
                  <th scope="col">{t('roster.columns.work')}</th>
                  <th scope="col">{t('roster.columns.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <RosterLine key={row.user.id} row={row} time={time} onWatch={watchRoom} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </div>
  );
}

function RosterLine({
  row,
  time,
  onWatch,
}: {
  row: RosterRow;
  time: (ms: number) => string;
  onWatch: (slug: string) => void;
}) {
  const { t } = useTranslation(['employer', 'timesheets']);
  const room = row.liveRoom;
  return (
    <tr>
      <th scope="row">{row.user.displayName}</th>
      <td>{row.team?.name ?? t('none')}</td>
      <td>
        <span className={`roster__state roster__state--${row.state}`}>
          <span className="roster__dot" aria-hidden="true" />
          {t(`roster.state.${row.state}`)}
        </span>
      </td>
      <td>{row.since === null ? t('none') : time(row.since)}</td>
      <td>
        <div className="roster__work">
          {row.roles.includes('agent') || row.openTickets > 0 ? (
            <span>{t('roster.openTickets', { count: row.openTickets })}</span>
          ) : null}
          {room ? (
            <>
              <span>
                {room.live
                  ? t('roster.roomLive', { slug: room.slug })
                  : t('roster.roomIdle', { slug: room.slug })}
              </span>
              {room.live ? (
                <Button icon={Eye} onClick={() => onWatch(room.slug)}>
                  {t('roster.watch', { name: row.user.displayName })}
                </Button>
              ) : null}
            </>
          ) : null}
        </div>
      </td>
      <td>
        {row.flags.length === 0
          ? t('none')
          : row.flags.map((flag) => t(`timesheets:flags.${flag}`)).join(t('listSeparator'))}
      </td>
    </tr>
  );
}
