import type { ControlledTransaction, Kysely } from 'kysely';
import type { Database } from './schema';

export interface WriteQueueOptions {
  /**
   * Most pieces in one transaction. Each piece waits for the whole batch's
   * COMMIT, and the single SQLite connection serves nothing else meanwhile,
   * so a batch is kept to a few milliseconds of work.
   */
  maxBatch?: number;
}

type Work<T> = (trx: Kysely<Database>) => Promise<T>;

interface Piece {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** Every piece of a batch runs inside a savepoint of this name; only one is open at a time. */
const savepoint = 'piece';

/**
 * The hub's one way to write a command's effects and its recorded result.
 *
 * Group commit: the work that arrives while a batch is being written (and
 * everything that arrived in the same turn of the event loop) runs as the
 * next batch, in ONE transaction, each piece inside its own SAVEPOINT. A piece
 * that throws is rolled back to its savepoint and fails alone; the others
 * commit with one COMMIT, which under `synchronous = FULL` is one fsync for
 * the whole batch instead of one per command. Every promise settles only
 * after that COMMIT (so an ack never precedes durability); a failed COMMIT
 * fails them all. Pieces run one after another, so each sees its earlier
 * siblings' writes exactly as if they had committed before it (two posts in
 * one batch still get consecutive seqs).
 *
 * The batch holds Kysely's one SQLite connection from BEGIN to COMMIT; reads
 * and other writes on the plain `db` (queries, the login limiter) wait for it
 * and run between batches, so they see a batch whole or not at all. A piece
 * must therefore use only the `trx` it is given: awaiting the plain `db`, or
 * `run()`, from inside a piece would wait for its own batch for ever.
 */
export class WriteQueue {
  private readonly waiting: Piece[] = [];
  private readonly maxBatch: number;
  /** A batch is scheduled or being written; new work waits for the next one. */
  private busy = false;

  constructor(
    private readonly db: Kysely<Database>,
    options: WriteQueueOptions = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 128);
  }

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.busy || this.waiting.length === 0) return;
    this.busy = true;
    // After the poll phase: every socket message read in this turn joins the batch.
    setImmediate(() => {
      const batch = this.waiting.splice(0, this.maxBatch);
      void this.write(batch).finally(() => {
        this.busy = false;
        this.schedule();
      });
    });
  }

  private async write(batch: Piece[]): Promise<void> {
    let trx: ControlledTransaction<Database>;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (err) {
      for (const piece of batch) piece.reject(err);
      return;
    }
    const done: { piece: Piece; value: unknown }[] = [];
    for (const [i, piece] of batch.entries()) {
      let inner;
      try {
        inner = await trx.savepoint(savepoint).execute();
      } catch (err) {
        // The piece that met the broken transaction fails with it, so a store that stays broken cannot loop.
        piece.reject(err);
        return this.abandon(trx, err, done, batch.slice(i + 1));
      }
      try {
        const value = await piece.work(inner);
        await inner.releaseSavepoint(savepoint).execute();
        done.push({ piece, value });
      } catch (err) {
        piece.reject(err);
        try {
          const back = await inner.rollbackToSavepoint(savepoint).execute();
          await back.releaseSavepoint(savepoint).execute();
        } catch {
          // SQLite ended the whole transaction (a full disk, an I/O error): the savepoint is gone,
          // and the piece's own error is the cause its siblings fail with.
          return this.abandon(trx, err, done, batch.slice(i + 1));
        }
      }
    }
    try {
      await trx.commit().execute();
    } catch (err) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const { piece } of done) piece.reject(err);
      return;
    }
    for (const { piece, value } of done) piece.resolve(value);
  }

  /**
   * The transaction is lost: what was done in it fails with the cause, and
   * the pieces not yet run go back to the front of the queue for a fresh one.
   */
  private async abandon(
    trx: ControlledTransaction<Database>,
    cause: unknown,
    done: { piece: Piece }[],
    notRun: Piece[],
  ): Promise<void> {
    await trx
      .rollback()
      .execute()
      .catch(() => undefined);
    for (const { piece } of done) piece.reject(cause);
    this.waiting.unshift(...notRun);
  }
}
