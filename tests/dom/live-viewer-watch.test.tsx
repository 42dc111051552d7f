import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../server/demo/data';
import { LiveRoomsView } from '../../renderer/employer/live/LiveRoomsView';
import { call, expectOk, newId, signIn } from '../support/hub-client';
import { signedInDesk } from './support/signed-in';

const desk = signedInDesk('employer');

describe('Live rooms in the Employer workspace', () => {
  it('lists the organisation’s rooms and watches one read-only, following its comments and orders', async () => {
    const hubUrl = desk.ws.hub.hub.url;
    const anchor = await signIn(hubUrl, 'anchor', demoPassword);
    try {
      const started = expectOk(
        await call(anchor, 'live.broadcast.start', { id: newId(), title: '金桔采摘' }),
      );
      const broadcastId = started.room.broadcast?.id ?? 0;
      const { products } = expectOk(await call(anchor, 'live.products', {}));
      const product = products[0];
      if (!product) throw new Error('the demo has no products');
      expectOk(await call(anchor, 'live.pin', { id: newId(), broadcastId, productId: product.id }));

      desk.render(<LiveRoomsView />);
      const room = (await screen.findByRole('heading', { name: '金桔采摘' })).closest('li');
      if (!room) throw new Error('the room is not a list item');
      expect(within(room).getByText(/Live now/)).toBeInTheDocument();
      await userEvent.click(within(room).getByRole('button', { name: 'Watch' }));

      const panel = await screen.findByRole('region', { name: 'Watching: 金桔采摘' });
      expect(
        within(panel).getByText('Read-only: you cannot comment, pin or buy from here.'),
      ).toBeInTheDocument();
      expect(await within(panel).findByText(new RegExp(product.name))).toBeInTheDocument();
      // Nothing here acts on the room: the only controls are sound and closing.
      const names = within(panel)
        .getAllByRole('button')
        .map((b) => b.textContent);
      expect(names.sort()).toEqual(['Stop watching', 'Unmute']);
      expect(within(panel).queryByRole('textbox')).toBeNull();

      // A viewer comments and buys: the watching supervisor sees both arrive.
      const join = await fetch(`${hubUrl}/api/live/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ room: started.room.slug, nickname: '小梅' }),
      });
      const { token } = (await join.json()) as { token: string };
      const { io } = await import('socket.io-client');
      const viewer = io(`${hubUrl}/live`, { auth: { token }, transports: ['websocket'], forceNew: true });
      try {
        await new Promise<void>((resolve) => viewer.once('connect', () => resolve()));
        await viewer.timeout(5000).emitWithAck('view.comment', { id: newId(), body: '甜不甜？' });
        await viewer
          .timeout(5000)
          .emitWithAck('view.buy', { id: newId(), productId: product.id, saleId: null, quantity: 1 });
        const comments = within(panel).getByRole('log', { name: 'Comments' });
        expect(await within(comments).findByText('甜不甜？')).toBeInTheDocument();
        expect(await within(panel).findByText(new RegExp(`小梅: ${product.name} × 1`))).toBeInTheDocument();
      } finally {
        viewer.close();
      }

      await userEvent.click(within(panel).getByRole('button', { name: 'Stop watching' }));
      expect(screen.queryByRole('region', { name: 'Watching: 金桔采摘' })).toBeNull();
    } finally {
      anchor.close();
    }
  });
});
