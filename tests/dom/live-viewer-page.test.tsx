import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ViewerStore } from '../../server/web/live/viewer-store';
import { comment, joinedStore, kumquats, liveBroadcast, renderPage, roomState } from './live-viewer-support';

describe('live viewer page', () => {
  it('asks for a nickname first and joins with it (English)', () => {
    const store = new ViewerStore('lin-family-farm');
    const { actions } = renderPage(store);
    fireEvent.change(screen.getByRole('textbox', { name: 'Nickname' }), { target: { value: '  Mei ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(actions.calls).toEqual(['join:Mei']);
  });

  it('names the join form in Chinese', () => {
    renderPage(new ViewerStore('lin-family-farm'), 'zh-CN');
    expect(screen.getByRole('textbox', { name: '昵称' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '加入' })).toBeInTheDocument();
  });

  it('shows the room with its landmarks and exact control names', () => {
    const store = joinedStore();
    renderPage(store);
    const main = screen.getByRole('main');
    expect(within(main).getByRole('heading', { name: 'Kumquat harvest' })).toBeInTheDocument();
    expect(screen.getByText('Lin Family Farm · Anchor: Lin Xiaoyu')).toBeInTheDocument();
    expect(screen.getByText('Watching: 18')).toBeInTheDocument();
    const product = screen.getByRole('region', { name: 'Product' });
    expect(within(product).getByText('永福金桔 2.5 kg')).toBeInTheDocument();
    expect(within(product).getByText('Price ¥39.80')).toBeInTheDocument();
    expect(within(product).getByText('In stock: 12')).toBeInTheDocument();
    expect(within(product).getByRole('button', { name: 'Buy' })).toBeEnabled();
    const log = screen.getByRole('log', { name: 'Comments' });
    expect(log).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('textbox', { name: 'Comment' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unmute' })).toBeInTheDocument();
  });

  it('names the comment box and Buy in Chinese', () => {
    renderPage(joinedStore(), 'zh-CN');
    expect(screen.getByRole('textbox', { name: '评论' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '发送' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '购买' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '取消静音' })).toBeInTheDocument();
  });

  it('says the anchor is recovering, and when the broadcast has not started or has ended', () => {
    const store = joinedStore(roomState({ broadcast: { ...liveBroadcast, recovering: true } }));
    renderPage(store);
    expect(screen.getByText("The anchor's connection is recovering")).toBeInTheDocument();
    act(() => store.setRoom(roomState({ broadcast: { ...liveBroadcast, status: 'ended', endedAt: 1 } })));
    expect(screen.getByText('The broadcast has ended. Thank you for watching.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Buy' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Comment' })).toBeNull();
    act(() => store.setRoom(roomState({ broadcast: null })));
    expect(screen.getByText(/Not live yet/)).toBeInTheDocument();
  });

  it('buys once per press, waits while the order is on its way, then says what happened', () => {
    const store = joinedStore();
    const { actions } = renderPage(store);
    const buy = screen.getByRole('button', { name: 'Buy' });
    fireEvent.click(buy);
    expect(actions.calls).toEqual(['buy']);
    act(() => store.update({ buy: { pending: true, order: null, problem: null } }));
    expect(buy).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(buy);
    expect(actions.calls).toEqual(['buy']);
    expect(screen.getByText('Placing your order…')).toBeInTheDocument();
    act(() =>
      store.update({
        buy: {
          pending: false,
          problem: null,
          order: {
            id: 61,
            productId: 7,
            productName: '永福金桔 2.5 kg',
            nickname: 'Mei',
            quantity: 1,
            totalFen: 3980,
            flashSaleId: null,
            createdAt: 1,
          },
        },
      }),
    );
    expect(screen.getByText(/Order 61 placed: 永福金桔 2.5 kg, ¥39.80/)).toBeInTheDocument();
    act(() => store.update({ buy: { pending: false, order: null, problem: 'sold_out' } }));
    expect(screen.getByRole('alert')).toHaveTextContent('Sorry, it is sold out. Nothing was ordered.');
  });

  it('cannot press Buy on a sold-out product', () => {
    renderPage(joinedStore(roomState({ pinnedProduct: { ...kumquats, stock: 0 } })));
    expect(screen.getByRole('button', { name: 'Buy' })).toBeDisabled();
    expect(screen.getByText('Sold out')).toBeInTheDocument();
  });

  it('lists comments newest last, and shows a held comment to its writer as held for review', async () => {
    const store = joinedStore();
    const { actions } = renderPage(store);
    act(() => store.addComments([comment(2, 'Are they sweet?'), comment(1, 'Hello!')]));
    const log = screen.getByRole('log', { name: 'Comments' });
    const lines = within(log)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual(['Wang Hello!', 'Wang Are they sweet?']);

    actions.commentAnswer = { ok: true, held: true };
    const box = screen.getByRole('textbox', { name: 'Comment' });
    fireEvent.change(box, { target: { value: 'cheap copies at my shop' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send' }));
      await Promise.resolve();
    });
    expect(actions.calls).toEqual(['comment:cheap copies at my shop']);
    expect(box).toHaveValue('');
    act(() =>
      store.addHeld({ key: 'h0193-held', body: 'cheap copies at my shop', createdAt: 1_780_000_010_000 }),
    );
    const held = within(log).getAllByRole('listitem').at(-1);
    expect(held).toHaveTextContent('Mei (you) cheap copies at my shop held for review');

    act(() => store.removeComment(1));
    expect(within(log).queryByText('Hello!')).toBeNull();
  });

  it('keeps the text and says why when a comment is refused', async () => {
    const store = joinedStore();
    const { actions } = renderPage(store);
    actions.commentAnswer = { ok: false, problem: 'muted' };
    const box = screen.getByRole('textbox', { name: 'Comment' });
    fireEvent.change(box, { target: { value: 'hi' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send' }));
      await Promise.resolve();
    });
    expect(box).toHaveValue('hi');
    expect(screen.getByRole('alert')).toHaveTextContent('The anchor has muted you for this broadcast.');
  });

  it('counts a like at once on the viewer screen', () => {
    const store = joinedStore();
    const { actions } = renderPage(store);
    const like = screen.getByRole('button', { name: /^Like/ });
    expect(like).toHaveTextContent('Like (40)');
    fireEvent.click(like);
    expect(actions.calls).toEqual(['like']);
    act(() => store.update({ unsentLikes: 1 }));
    expect(like).toHaveTextContent('Like (41)');
  });
});
