import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommentAnnouncer, commentAnnounceWindowMs } from '../../renderer/live/comment-announcer';
import { ReadAloudQueue, type Reader } from '../../renderer/live/read-aloud';
import type { LiveComment } from '../../shared/protocol/live';

const comment = (id: number, body = `comment ${id}`): LiveComment => ({
  id,
  viewerId: 100 + id,
  nickname: `viewer${id}`,
  body,
  createdAt: 1_000 + id,
});

describe('comment announcements', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const make = () => {
    const said: string[] = [];
    const announcer = new CommentAnnouncer(
      { one: (c) => `${c.nickname}: ${c.body}`, many: (n) => `${n} new comments` },
      (text) => said.push(text),
    );
    return { said, announcer };
  };

  it('says a lone comment with its words once its window closes', () => {
    const { said, announcer } = make();
    announcer.push([comment(1)]);
    expect(said).toEqual([]);
    vi.advanceTimersByTime(commentAnnounceWindowMs);
    expect(said).toEqual(['viewer1: comment 1']);
  });

  it('says a burst as one count, at most once per window, at 20 comments a second', () => {
    const { said, announcer } = make();
    let id = 0;
    // Six seconds of 20 a second, one push every 50 ms.
    for (let tick = 0; tick < 120; tick++) {
      announcer.push([comment(++id)]);
      vi.advanceTimersByTime(50);
    }
    vi.advanceTimersByTime(commentAnnounceWindowMs);
    expect(said).toEqual(['40 new comments', '40 new comments', '40 new comments']);
  });

  it('counts comments pushed together, and a long comment is cut for speech', () => {
    const { said, announcer } = make();
    announcer.push([comment(1), comment(2), comment(3), comment(4), comment(5)]);
    vi.advanceTimersByTime(commentAnnounceWindowMs);
    announcer.push([comment(6, 'x'.repeat(500))]);
    vi.advanceTimersByTime(commentAnnounceWindowMs);
    expect(said[0]).toBe('5 new comments');
    expect(said[1]?.length).toBeLessThan(200);
  });

  it('says nothing after dispose', () => {
    const { said, announcer } = make();
    announcer.push([comment(1)]);
    announcer.dispose();
    vi.advanceTimersByTime(commentAnnounceWindowMs * 2);
    expect(said).toEqual([]);
  });
});

describe('reading comments aloud', () => {
  /** A reader that finishes each comment when the test says so, as real speech takes its time. */
  function slowReader() {
    const read: { text: string; language: string }[] = [];
    const finish: (() => void)[] = [];
    let stopped = 0;
    const reader: Reader = {
      readAloud: (text, language) => {
        read.push({ text, language });
        return new Promise<void>((resolve) => finish.push(resolve));
      },
      stopReading: () => {
        stopped += 1;
      },
    };
    return { reader, read, finish, stopped: () => stopped };
  }

  it('reads one after another, only the newest few when they come faster than speech', async () => {
    const { reader, read, finish } = slowReader();
    const queue = new ReadAloudQueue(
      () => reader,
      (c) => `${c.nickname}: ${c.body}`,
    );
    queue.push([comment(1)]);
    expect(read).toEqual([]);
    queue.setEnabled(true);
    queue.push([comment(2, '金桔甜吗')]);
    queue.push([comment(6), comment(5), comment(4), comment(3)]);
    await Promise.resolve();
    expect(read.map((r) => r.text)).toEqual(['viewer2: 金桔甜吗']);
    expect(read[0]?.language).toBe('zh-CN');
    for (let i = 0; i < 4; i++) {
      finish.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // 3 was dropped: only the newest three waited.
    expect(read.map((r) => r.text)).toEqual([
      'viewer2: 金桔甜吗',
      'viewer4: comment 4',
      'viewer5: comment 5',
      'viewer6: comment 6',
    ]);
    expect(read[1]?.language).toBe('en');
  });

  it('stops reading when turned off', () => {
    const { reader, read, stopped } = slowReader();
    const queue = new ReadAloudQueue(
      () => reader,
      (c) => c.body,
    );
    queue.setEnabled(true);
    queue.push([comment(1), comment(2)]);
    queue.setEnabled(false);
    expect(stopped()).toBe(1);
    expect(read).toHaveLength(1);
  });
});
