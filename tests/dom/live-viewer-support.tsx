import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { LiveComment, Product, RoomState } from '../../shared/protocol/live';
import { createViewerI18n, type ViewerLanguage } from '../../server/web/live/i18n';
import { LiveApp } from '../../server/web/live/LiveApp';
import type { CommentResult, ViewerActions } from '../../server/web/live/live-room-client';
import type { KeyValueStore } from '../../server/web/live/page-settings';
import { ViewerStore } from '../../server/web/live/viewer-store';

export const kumquats: Product = {
  id: 7,
  name: '永福金桔 2.5 kg',
  description: 'Fresh from the family farm in Yongfu.',
  imageUrl: null,
  priceFen: 3980,
  stock: 12,
};

export const liveBroadcast: NonNullable<RoomState['broadcast']> = {
  id: 3,
  title: 'Kumquat harvest',
  status: 'live',
  startedAt: 1_780_000_000_000,
  endedAt: null,
  recovering: false,
};

export function roomState(patch: Partial<RoomState> = {}): RoomState {
  return {
    slug: 'lin-family-farm',
    shop: 'Lin Family Farm',
    anchorName: 'Lin Xiaoyu',
    broadcast: liveBroadcast,
    pinnedProduct: kumquats,
    flashSale: null,
    pinnedComment: null,
    figures: { viewers: 18, likes: 40, orders: 2, gmvFen: 7960 },
    ...patch,
  };
}

export function comment(id: number, body: string, nickname = 'Wang'): LiveComment {
  return { id, viewerId: 100 + id, nickname, body, createdAt: 1_780_000_000_000 + id * 1000 };
}

/**
 * What the page's components ask of the client, written down: the
 * components under test read a real ViewerStore, and these calls are the
 * page's outputs that LiveRoomClient would send to the hub.
 */
export class RecordedActions implements ViewerActions {
  readonly calls: string[] = [];
  commentAnswer: CommentResult = { ok: true, held: false };

  constructor(readonly store: ViewerStore) {}

  join(nickname: string): void {
    this.calls.push(`join:${nickname}`);
  }
  comment(body: string): Promise<CommentResult> {
    this.calls.push(`comment:${body}`);
    return Promise.resolve(this.commentAnswer);
  }
  buy(): void {
    this.calls.push('buy');
  }
  like(): void {
    this.calls.push('like');
  }
  leave(): void {
    this.calls.push('leave');
  }
}

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** A viewer who has joined, in a room in the given state. */
export function joinedStore(room: RoomState = roomState()): ViewerStore {
  const store = new ViewerStore(room.slug, 'Mei');
  store.update({ phase: 'joined', viewerId: 501, link: 'connected' });
  store.setRoom(room);
  return store;
}

export function renderPage(store: ViewerStore, language: ViewerLanguage = 'en', now?: () => number) {
  const actions = new RecordedActions(store);
  const i18n = createViewerI18n(language);
  const view = render(
    <I18nextProvider i18n={i18n}>
      <LiveApp
        client={actions}
        store={memoryStore()}
        initial={{ language, highContrast: false, largeText: false }}
        now={now}
      />
    </I18nextProvider>,
  );
  return { actions, view };
}
