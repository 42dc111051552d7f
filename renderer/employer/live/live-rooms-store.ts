import { Rerun } from '../../../shared/domain/rerun';
import type { ErrorCode } from '../../../shared/protocol';
import type { RoomState } from '../../../shared/protocol/live';
import { Emitter } from '../../net/emitter';
import type { Session } from '../../session/session';
import { defineStore } from '../../session/store-registry';

const none: readonly RoomState[] = [];

/**
 * The organisation's live rooms (live.rooms) for a supervisor: read when the
 * view asks and after every reconnect; each room's `live.state` push (a
 * supervisor's socket is in every room of the organisation) replaces that
 * room in place, so viewers and GMV follow without a reread.
 */
export class LiveRoomsStore {
  private roomsValue: readonly RoomState[] = none;
  private loadedValue = false;
  private errorValue: ErrorCode | null = null;
  private readonly changes = new Emitter();
  private readonly load: Rerun;
  private readonly stops: (() => void)[] = [];

  constructor(session: Session) {
    const { hub } = session;
    this.load = new Rerun(async () => {
      const answer = await hub.request('live.rooms', {});
      if (answer.ok) {
        this.roomsValue = answer.data.rooms;
        this.loadedValue = true;
        this.errorValue = null;
      } else {
        this.errorValue = answer.error.code;
      }
      this.changes.emit();
    });
    this.stops.push(hub.onConnected(() => void this.load.run()));
    this.stops.push(hub.onPush('live.state', (room) => this.fold(room)));
    if (hub.connected) void this.load.run();
  }

  get rooms(): readonly RoomState[] {
    return this.roomsValue;
  }
  get loaded(): boolean {
    return this.loadedValue;
  }
  get error(): ErrorCode | null {
    return this.errorValue;
  }

  subscribe = (listener: () => void): (() => void) => this.changes.subscribe(listener);

  refresh(): Promise<void> {
    return this.load.run();
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private fold(room: RoomState): void {
    const index = this.roomsValue.findIndex((r) => r.slug === room.slug);
    // A room not in the list is new: the list is read again so it appears in its place.
    if (index < 0) {
      void this.load.run();
      return;
    }
    const next = [...this.roomsValue];
    next[index] = room;
    this.roomsValue = next;
    this.changes.emit();
  }
}

export const liveRoomsStore = defineStore(
  'employer.liveRooms',
  (session: Session) => new LiveRoomsStore(session),
);
