import type { LiveComment } from '../../shared/protocol/live';
import { Announcer } from '../a11y/alerts/announcer';

/** A burst of comments is said at most once per this window: "5 new comments". */
export const commentAnnounceWindowMs = 2_000;
/** Of a comment said alone, this much of its text. */
const sayChars = 120;

export interface CommentWords {
  one: (comment: LiveComment) => string;
  many: (count: number) => string;
}

/**
 * Turns arriving comments into polite announcements: one comment alone is
 * said with its text, a burst within the window as one count. The window
 * is fixed from the first arrival, so a steady 20 a second is still said
 * every 2 s, never queued up behind itself.
 */
export class CommentAnnouncer {
  private readonly announcer: Announcer<LiveComment>;

  constructor(
    private readonly words: CommentWords,
    say: (text: string, count: number) => void,
    now: () => number = () => Date.now(),
  ) {
    this.announcer = new Announcer<LiveComment>(
      commentAnnounceWindowMs,
      (batch, latest) => {
        const text = batch.count === 1 ? (batch.messages[0] ?? words.one(latest)) : words.many(batch.count);
        say(text, batch.count);
      },
      now,
    );
  }

  push(comments: readonly LiveComment[]): void {
    for (const comment of comments) {
      const one = { ...comment, body: comment.body.slice(0, sayChars) };
      this.announcer.push('live.comments', this.words.one(one), comment);
    }
  }

  dispose(): void {
    this.announcer.clear();
  }
}
