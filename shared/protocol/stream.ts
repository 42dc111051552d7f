import { z } from 'zod';

/**
 * Every durable push stream (team notes now; a conversation's messages, a
 * live room's comments later) is read the same way: the newest page first,
 * older pages on demand, and exactly the missing seqs after a gap.
 */
export const maxStreamPage = 200;

/** The fields of a page request, for a stream request that also names its stream (a ticket's messages). */
export const streamPageFields = {
  /** The page just before this seq (scrolling back). */
  beforeSeq: z.number().int().positive().optional(),
  /** The page just after this seq (filling a gap, catching up after a reconnect). */
  afterSeq: z.number().int().nonnegative().optional(),
  limit: z.number().int().min(1).max(maxStreamPage).optional(),
};

export function oneDirection(page: {
  beforeSeq?: number | undefined;
  afterSeq?: number | undefined;
}): boolean {
  return page.beforeSeq === undefined || page.afterSeq === undefined;
}
const oneDirectionMessage = { message: 'give beforeSeq or afterSeq, not both' };

export const streamPageInput = z.object(streamPageFields).strict().refine(oneDirection, oneDirectionMessage);

/** A page of one stream among many: the stream's key fields, then the page. */
export function keyedStreamPageInput<S extends z.ZodRawShape>(key: S) {
  return z
    .object({ ...key, ...streamPageFields })
    .strict()
    .refine((page) => oneDirection(page as Parameters<typeof oneDirection>[0]), oneDirectionMessage);
}
export type StreamPageInput = z.input<typeof streamPageInput>;

/** Items in ascending seq; `lastSeq` is the stream's newest seq, so a reader knows whether it is behind. */
export function streamPageOutput<T extends z.ZodType<{ seq: number }>>(item: T) {
  return z.object({ items: z.array(item), lastSeq: z.number().int().nonnegative() });
}
export interface StreamPage<T> {
  items: T[];
  lastSeq: number;
}
