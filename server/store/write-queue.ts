import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * The hub's one way to write a command's effects and its recorded result.
 * Each piece of work runs in a transaction of its own and its promise settles
 * after that transaction commits (so an ack never precedes durability).
 */
export class WriteQueue {
  constructor(private readonly db: Kysely<Database>) {}

  run<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }
}
