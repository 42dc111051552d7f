import type { Migration, MigrationProvider } from 'kysely';
import { foundation } from './001_foundation';
import { auth } from './002_auth';
import { tickets } from './003_tickets';
import { live } from './004_live';
import { shifts } from './005_shifts';

/**
 * Every migration, by the name it is recorded under. A static list rather
 * than a folder scan, so the hub bundles into the Electron build. Names sort
 * in the order they run; never rename or edit one that has shipped.
 */
const migrations: Record<string, Migration> = {
  '001_foundation': foundation,
  '002_auth': auth,
  '003_tickets': tickets,
  '004_live': live,
  '005_shifts': shifts,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
