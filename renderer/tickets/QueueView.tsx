import { Inbox, SearchX, UserRound, Users, type LucideIcon } from 'lucide-react';
import { useEffect, useId, useSyncExternalStore, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketPriorities, ticketStatuses } from '../../shared/domain/tickets/ticket-status';
import { queueSorts, type QueueSort, type QueueView as View } from '../../shared/protocol/tickets';
import { useRovingTabIndex } from '../a11y/keyboard/useRovingTabIndex';
import { useA11yProfile } from '../a11y/profile/ProfileProvider';
import { useSessionStore } from '../session/hooks';
import { Alert } from '../ui/Alert';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState, type EmptyStateAction } from '../ui/EmptyState';
import { TextField } from '../ui/Field';
import { isNarrowed, shownViews, type ShownView } from './queue-filters';
import { maxSearchLength, queueStore, type QueueSnapshot, type QueueStore } from './queue-store';
import { QueueList } from './QueueList';
import './QueueView.css';

export interface QueueViewProps {
  /** The ticket the address opens, if any: its row is marked current. */
  selectedId: number | undefined;
  onOpen: (ticketId: number) => void;
  /** Supervisors filter by agent. */
  supervisor: boolean;
}

/** Sorts in the order the select offers them: the everyday one first. */
const sortOrder: readonly QueueSort[] = ['updated', 'breach', 'created', 'priority'];

/**
 * The queue pane: the views as tabs (with their counts), the search and the
 * filters above the virtual list of the chosen view, or what to do when it
 * is empty. Everything it shows is the session's queue store, so leaving the
 * workspace and coming back keeps the view, the typed search and the filters.
 */
export function QueueView({ selectedId, onOpen, supervisor }: QueueViewProps) {
  const { t } = useTranslation(['tickets', 'errors']);
  const store = useSessionStore(queueStore);
  const snapshot = useSyncExternalStore(store.subscribe, () => store.snapshot);
  const { profile } = useA11yProfile();
  const titleId = useId();
  const tabsId = useId();
  const { query } = snapshot;
  const view: ShownView = (shownViews as readonly View[]).includes(query.view)
    ? (query.view as ShownView)
    : 'mine';

  useEffect(() => {
    if (supervisor) store.wantAgents();
  }, [store, supervisor]);

  return (
    <section aria-labelledby={titleId} className="queue">
      <h2 id={titleId} className="queue__title">
        {t('queue.title')}
      </h2>
      <ViewTabs snapshot={snapshot} selected={view} idPrefix={tabsId} onSelect={(v) => store.setView(v)} />
      <div
        role="tabpanel"
        id={`${tabsId}-${view}-panel`}
        aria-labelledby={`${tabsId}-${view}`}
        className="queue__panel"
      >
        <SearchBox store={store} snapshot={snapshot} />
        <Filters store={store} snapshot={snapshot} supervisor={supervisor} />
        <QueueBody
          store={store}
          snapshot={snapshot}
          view={view}
          selectedId={selectedId}
          onOpen={onOpen}
          scanning={profile.scanning}
        />
      </div>
    </section>
  );
}

function ViewTabs({
  snapshot,
  selected,
  idPrefix,
  onSelect,
}: {
  snapshot: QueueSnapshot;
  selected: ShownView;
  idPrefix: string;
  onSelect: (view: ShownView) => void;
}) {
  const { t } = useTranslation('tickets');
  const roving = useRovingTabIndex<HTMLButtonElement>(shownViews.length, {
    orientation: 'horizontal',
    selectedIndex: shownViews.indexOf(selected),
  });
  const { counts } = snapshot;
  return (
    <div role="tablist" aria-label={t('queue.views.label')} className="queue__tabs">
      {shownViews.map((view, index) => {
        const item = roving.getItemProps(index);
        const isSelected = view === selected;
        const count = counts ? counts[view] : null;
        const unread = view === 'mine' ? (counts?.unreadMine ?? 0) : 0;
        return (
          <button
            key={view}
            type="button"
            role="tab"
            id={`${idPrefix}-${view}`}
            className="queue__tab"
            aria-selected={isSelected}
            aria-controls={isSelected ? `${idPrefix}-${view}-panel` : undefined}
            ref={item.ref}
            tabIndex={item.tabIndex}
            onKeyDown={item.onKeyDown}
            onFocus={(event) => {
              item.onFocus(event);
              if (!isSelected) onSelect(view);
            }}
            onClick={() => {
              if (!isSelected) onSelect(view);
            }}
          >
            <span>{t(`queue.views.${view}`)}</span>
            {count === null ? null : (
              <span className="queue__tab-count">
                <span aria-hidden="true">{count}</span>
                <span className="visually-hidden">
                  {t('queue.row.separator')}
                  {t('queue.views.count', { count })}
                </span>
              </span>
            )}
            {unread > 0 ? (
              <Badge
                count={unread}
                label={`${t('queue.row.separator')}${t('queue.views.unread', { count: unread })}`}
              />
            ) : null}
          </button>
        );
      })}
    </div>
  );
}

function SearchBox({ store, snapshot }: { store: QueueStore; snapshot: QueueSnapshot }) {
  const { t } = useTranslation('tickets');
  return (
    <form
      role="search"
      aria-label={t('queue.search.region')}
      className="queue__search"
      onSubmit={(event) => {
        event.preventDefault();
        store.searchNow();
      }}
    >
      <TextField
        type="search"
        className="queue__search-field"
        label={t('queue.search.label')}
        hint={t('queue.search.hint')}
        value={snapshot.searchText}
        maxLength={maxSearchLength}
        autoComplete="off"
        onChange={(event) => store.typeSearch(event.target.value)}
      />
      <Button type="submit" className="queue__search-submit">
        {t('queue.search.submit')}
      </Button>
    </form>
  );
}

function Select({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field queue__filter">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className="field__control" value={value} onChange={onChange}>
        {children}
      </select>
    </div>
  );
}

function Filters({
  store,
  snapshot,
  supervisor,
}: {
  store: QueueStore;
  snapshot: QueueSnapshot;
  supervisor: boolean;
}) {
  const { t } = useTranslation('tickets');
  const { query, tags, agents } = snapshot;
  // A tag chosen before any ticket carrying it arrived stays offered.
  const tagOptions = query.tag !== null && !tags.includes(query.tag) ? [query.tag, ...tags] : tags;
  const orEmpty = <T extends string>(value: string, allowed: readonly T[]): T | null =>
    (allowed as readonly string[]).includes(value) ? (value as T) : null;
  return (
    <div role="group" aria-label={t('queue.filters.label')} className="queue__filters">
      <Select
        label={t('queue.filters.status')}
        value={query.status ?? ''}
        onChange={(e) => store.setFilters({ status: orEmpty(e.target.value, ticketStatuses) })}
      >
        <option value="">{t('queue.filters.anyStatus')}</option>
        {ticketStatuses.map((status) => (
          <option key={status} value={status}>
            {t(`queue.status.${status}`)}
          </option>
        ))}
      </Select>
      <Select
        label={t('queue.filters.priority')}
        value={query.priority ?? ''}
        onChange={(e) => store.setFilters({ priority: orEmpty(e.target.value, ticketPriorities) })}
      >
        <option value="">{t('queue.filters.anyPriority')}</option>
        {[...ticketPriorities].reverse().map((priority) => (
          <option key={priority} value={priority}>
            {t(`queue.priority.${priority}`)}
          </option>
        ))}
      </Select>
      <Select
        label={t('queue.filters.tag')}
        value={query.tag ?? ''}
        onChange={(e) => store.setFilters({ tag: e.target.value === '' ? null : e.target.value })}
      >
        <option value="">{t('queue.filters.anyTag')}</option>
        {tagOptions.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </Select>
      {supervisor ? (
        <Select
          label={t('queue.filters.agent')}
          value={query.assigneeId === null ? '' : String(query.assigneeId)}
          onChange={(e) =>
            store.setFilters({ assigneeId: e.target.value === '' ? null : Number(e.target.value) })
          }
        >
          <option value="">{t('queue.filters.anyAgent')}</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.displayName}
            </option>
          ))}
        </Select>
      ) : null}
      <Select
        label={t('queue.filters.sort')}
        value={query.sort}
        onChange={(e) => {
          const sort = orEmpty(e.target.value, queueSorts);
          if (sort) store.setFilters({ sort });
        }}
      >
        {sortOrder.map((sort) => (
          <option key={sort} value={sort}>
            {t(`queue.sort.${sort}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}

const emptyIcons: Record<ShownView, LucideIcon> = {
  mine: UserRound,
  unassigned: Users,
  open: Inbox,
  snoozed: Inbox,
  resolved: Inbox,
};

function QueueBody({
  store,
  snapshot,
  view,
  selectedId,
  onOpen,
  scanning,
}: {
  store: QueueStore;
  snapshot: QueueSnapshot;
  view: ShownView;
  selectedId: number | undefined;
  onOpen: (ticketId: number) => void;
  scanning: boolean;
}) {
  const { t } = useTranslation(['tickets', 'errors']);
  const { query, total, error } = snapshot;
  const failure = error ? (
    <div className="queue__failure">
      <Alert>{t('queue.list.loadFailed', { reason: t(`errors:codes.${error}`) })}</Alert>
      <Button onClick={() => store.retry()}>{t('queue.list.retry')}</Button>
    </div>
  ) : null;
  if (total === null) {
    return (
      failure ?? (
        <p role="status" className="queue__loading">
          {t('queue.list.loading')}
        </p>
      )
    );
  }
  if (total === 0) {
    if (isNarrowed(query)) {
      return (
        <>
          {failure}
          <EmptyState
            icon={SearchX}
            heading={t('queue.empty.filtered.heading')}
            actions={[
              {
                label: t('queue.filters.clear'),
                icon: SearchX,
                onPress: () => store.clearFilters(),
                primary: true,
              },
            ]}
          >
            <p>
              {query.search
                ? t('queue.empty.filtered.bodySearch', { search: query.search })
                : t('queue.empty.filtered.body')}
            </p>
          </EmptyState>
        </>
      );
    }
    const actions: EmptyStateAction[] = [];
    if (view !== 'mine')
      actions.push({
        label: t('queue.empty.showMine'),
        icon: UserRound,
        onPress: () => store.setView('mine'),
      });
    if (view !== 'unassigned')
      actions.push({
        label: t('queue.empty.showUnassigned'),
        icon: Users,
        onPress: () => store.setView('unassigned'),
        primary: view === 'mine',
      });
    return (
      <>
        {failure}
        <EmptyState icon={emptyIcons[view]} heading={t(`queue.empty.${view}.heading`)} actions={actions}>
          <p>{t(`queue.empty.${view}.body`)}</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {failure}
      <QueueList
        store={store}
        snapshot={snapshot}
        selectedId={selectedId}
        showAssignee={view !== 'mine'}
        scanning={scanning}
        onOpen={onOpen}
      />
    </>
  );
}
