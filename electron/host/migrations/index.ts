import type { HostDb } from '../host-db';
import { initial } from './001_initial';
import { ownedDrafts } from './002_owned_drafts';
import { outboxLanes } from './003_outbox_lanes';
import { typingHistory } from './004_typing_history';
import { restreamTargets } from './005_restream_targets';
import { clockEvents } from './006_clock_events';

/**
 * Numbered host schema migrations, one file per version: entry N brings
 * `user_version` from N-1 to N. Append only; never edit a shipped step, since
 * workers' disks already ran it. Each has an upgrade test that starts from a
 * file at the version before (tests/unit/host-migrations.test.ts).
 */
export const hostMigrations: ReadonlyArray<(db: HostDb) => void> = [
  initial,
  ownedDrafts,
  outboxLanes,
  typingHistory,
  restreamTargets,
  clockEvents,
];
