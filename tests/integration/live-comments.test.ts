import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveComment, RoomState } from '../../shared/protocol/live';
import type { ClientSocket, TestHub } from '../support/hub-client';
import { call, expectOk, newId, signIn, startHub } from '../support/hub-client';
import { nextPush, viewer, viewerCall } from './live-fixture';

/** Comments in a live room, their moderation, likes, and the organisation's keyword filter. */
describe('live comments and moderation', () => {
  let t: TestHub;
  let anchor: ClientSocket;
  let broadcastId = 0;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    t = await startHub({
      demo: true,
      media: false,
      live: { timings: { likeFlushMs: 200 }, joins: { max: 500, windowMs: 60_000 } },
    });
    anchor = await signIn(t.hub.url, 'anchor', 'wings-demo');
    const { room } = expectOk(await call(anchor, 'live.broadcast.start', { id: newId(), title: '石画专场' }));
    broadcastId = room.broadcast?.id ?? 0;
  });
  afterAll(async () => {
    anchor.close();
    for (const s of sockets) s.close();
    await t.stop();
  });

  async function newViewer(name: string) {
    const v = await viewer(t.hub.url, name);
    sockets.push(v.socket);
    return v;
  }

  it('pushes a comment to the anchor and to other viewers', async () => {
    const a = await newViewer('小李');
    const b = await newViewer('阿梅');
    const toAnchor = nextPush<{ comments: LiveComment[] }>(anchor, 'live.comments');
    const toViewer = nextPush<{ comments: LiveComment[] }>(b.socket, 'view.comments');
    const sent = expectOk(
      await viewerCall(a.socket, 'view.comment', { id: newId(), body: '石画能包邮吗？' }),
    );
    expect(sent.held).toBe(false);
    expect(sent.comment).toMatchObject({
      nickname: '小李',
      body: '石画能包邮吗？',
      viewerId: a.join.viewerId,
    });
    expect((await toAnchor).comments.map((c) => c.body)).toContain('石画能包邮吗？');
    expect((await toViewer).comments.map((c) => c.body)).toContain('石画能包邮吗？');
    expect(
      expectOk(await call(anchor, 'live.comments', { broadcastId })).comments.map((c) => c.body),
    ).toContain('石画能包邮吗？');
  });

  it('holds a comment with a filtered word: its writer is told, nobody else sees it', async () => {
    const saved = expectOk(
      await call(anchor, 'live.keywords.save', { id: newId(), words: ['加微信', ' VX ', 'ｖｘ'] }),
    );
    expect(saved.words).toEqual(['加微信', 'VX']);
    expect(expectOk(await call(anchor, 'live.keywords', {})).words).toEqual(['加微信', 'VX']);
    const writer = await newViewer('路人甲');
    const other = await newViewer('路人乙');
    let leaked = false;
    other.socket.on('view.comments', (p: { comments: LiveComment[] }) => {
      if (p.comments.some((c) => c.body.includes('微'))) leaked = true;
    });
    anchor.on('live.comments', (p: { comments: LiveComment[] }) => {
      if (p.comments.some((c) => c.body.includes('微'))) leaked = true;
    });
    for (const body of ['便宜点，加 微 信聊', '加我ＶＸ']) {
      const answer = expectOk(await viewerCall(writer.socket, 'view.comment', { id: newId(), body }));
      expect(answer.held).toBe(true);
      expect(answer.comment?.body).toBe(body);
    }
    // A comment after them arrives, so the held ones would have arrived before it.
    const after = nextPush<{ comments: LiveComment[] }>(other.socket, 'view.comments', (p) =>
      p.comments.some((c) => c.body === '好看'),
    );
    expectOk(await viewerCall(writer.socket, 'view.comment', { id: newId(), body: '好看' }));
    await after;
    expect(leaked).toBe(false);
    const listed = expectOk(await call(anchor, 'live.comments', { broadcastId })).comments.map((c) => c.body);
    expect(listed).not.toContain('加我ＶＸ');
    expect(
      expectOk(await viewerCall(other.socket, 'view.comments', {})).comments.map((c) => c.body),
    ).not.toContain('加我ＶＸ');
  });

  it('deletes a comment for everyone, and pins one', async () => {
    const v = await newViewer('王哥');
    const c = expectOk(
      await viewerCall(v.socket, 'view.comment', { id: newId(), body: '第一次看直播' }),
    ).comment;
    if (!c) throw new Error('no comment');
    const pinned = nextPush<RoomState>(v.socket, 'view.state', (s) => s.pinnedComment?.id === c.id);
    const { room } = expectOk(
      await call(anchor, 'live.comment.pin', { id: newId(), broadcastId, commentId: c.id }),
    );
    expect(room.pinnedComment?.body).toBe('第一次看直播');
    await pinned;
    const removed = nextPush<{ commentId: number }>(v.socket, 'view.commentRemoved');
    expectOk(await call(anchor, 'live.comment.delete', { id: newId(), commentId: c.id }));
    expect((await removed).commentId).toBe(c.id);
    expect(expectOk(await call(anchor, 'live.room', { slug: room.slug })).pinnedComment).toBeNull();
    expect(
      expectOk(await call(anchor, 'live.comments', { broadcastId })).comments.map((x) => x.id),
    ).not.toContain(c.id);
  });

  it('refuses a muted viewer’s comments with a clear message, for this broadcast', async () => {
    const v = await newViewer('刷屏的');
    expectOk(await viewerCall(v.socket, 'view.comment', { id: newId(), body: '111' }));
    expectOk(await call(anchor, 'live.viewer.mute', { id: newId(), broadcastId, viewerId: v.join.viewerId }));
    const refused = await viewerCall(v.socket, 'view.comment', { id: newId(), body: '222' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/muted/) },
    });
  });

  it('sums likes in memory and writes them to the figures', async () => {
    const v = await newViewer('点赞王');
    // The page batches taps and sends at most twice a second; a third send in the same second is dropped.
    v.socket.emit('view.like', { count: 5 });
    v.socket.emit('view.like', { count: 7 });
    v.socket.emit('view.like', { count: 50 });
    const state = await nextPush<RoomState>(anchor, 'live.state', (s) => s.figures.likes >= 12, 4000);
    expect(state.figures.likes).toBe(12);
  });

  it('holds 50 viewers in one room: the count is theirs, and a comment reaches every one', async () => {
    const expected = sockets.length + 50;
    const counted = nextPush<RoomState>(anchor, 'live.state', (s) => s.figures.viewers === expected, 10_000);
    const crowd = await Promise.all(Array.from({ length: 50 }, (_, i) => newViewer(`观众${i}`)));
    expect((await counted).figures.viewers).toBe(expected);
    const heard = crowd.map((v) =>
      nextPush<{ comments: LiveComment[] }>(v.socket, 'view.comments', (p) =>
        p.comments.some((c) => c.body === '大家好'),
      ),
    );
    expectOk(await viewerCall(crowd[0]?.socket ?? anchor, 'view.comment', { id: newId(), body: '大家好' }));
    await Promise.all(heard);
    for (const v of crowd.slice(25)) v.socket.close();
    const fewer = await nextPush<RoomState>(
      anchor,
      'live.state',
      (s) => s.figures.viewers === sockets.length - 25,
    );
    expect(fewer.figures.viewers).toBe(sockets.length - 25);
  });
});
