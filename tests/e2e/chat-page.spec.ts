import { rmSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import sharp from 'sharp';
import { io, type Socket } from 'socket.io-client';
import { v7 as uuidv7 } from 'uuid';
import { ackSchema, type Ack } from '../../shared/protocol/ack';
import {
  commands,
  type CommandInput,
  type CommandName,
  type CommandOutput,
} from '../../shared/protocol/events';
import type { TicketMessage, TicketSummary } from '../../shared/protocol/tickets';
import { expectNoAxeViolations } from './support/display';
import { freePort, startHub, stop, tempDir, type Started } from './support/processes';
import { expect, test } from './support/test';

/**
 * The customer's page at /chat/, served by a hub of this spec's own (as
 * `npm run hub` runs it), against a real agent: a socket.io worker signed in
 * through /api/login as the demo agent, answering with `tickets.reply`.
 */
let hub: Started | null = null;
let dataDir = '';
let hubUrl = '';
let agent: Socket;
/** A conversation one test leaves open for the next (serial): the hub opens 5 per address in 10 minutes. */
let carried: { context: BrowserContext; page: Page; ticket: TicketSummary } | null = null;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dataDir = tempDir('chat');
  hub = await startHub({ port: await freePort(), dataDir });
  hubUrl = hub.match[1] ?? '';
  const res = await fetch(`${hubUrl}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'agent', password: 'wings-demo' }),
  });
  const { token } = (await res.json()) as { token: string };
  agent = io(hubUrl, { auth: { token }, transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve, reject) => {
    agent.once('connect', resolve);
    agent.once('connect_error', reject);
  });
});

test.afterAll(async () => {
  await carried?.context.close();
  agent?.close();
  if (hub) await stop(hub.child);
  rmSync(dataDir, { recursive: true, force: true });
});

async function agentCall<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const raw: unknown = await agent.timeout(10_000).emitWithAck(name, input);
  const ack = ackSchema(commands[name].output).parse(raw) as Ack<CommandOutput<N>>;
  if (!ack.ok) throw new Error(`${name}: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

async function ticketNumbered(number: number): Promise<TicketSummary> {
  const list = await agentCall('tickets.list', { view: 'all', sort: 'created', limit: 200 });
  const ticket = list.items.find((t) => t.number === number);
  if (!ticket) throw new Error(`no ticket ${number}`);
  return ticket;
}

async function messagesOf(ticketId: number): Promise<TicketMessage[]> {
  return (await agentCall('tickets.messages', { ticketId, limit: 200 })).items;
}

async function reply(ticketId: number, body: string): Promise<void> {
  const ticket = await agentCall('tickets.get', { ticketId });
  await agentCall('tickets.reply', {
    id: uuidv7(),
    ticketId,
    body,
    internal: false,
    seenSeq: ticket.ticket.lastSeq,
    force: true,
  });
}

const en = {
  name: 'Your name',
  order: 'Order number (optional)',
  message: 'Message',
  send: 'Send',
  attach: 'Attach photo',
  reconnecting: 'Reconnecting… your messages are kept',
};

async function open(context: BrowserContext, lng: 'en' | 'zh-CN' = 'en'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${hubUrl}/chat/?lng=${lng}`);
  return page;
}

/** Starts a conversation from the form; answers the ticket as the agent sees it. */
async function startConversation(page: Page, name: string, message: string): Promise<TicketSummary> {
  await page.getByRole('textbox', { name: en.name }).fill(name);
  await page.getByRole('textbox', { name: en.order }).fill('QY-20261201-7');
  await page.getByRole('textbox', { name: en.message }).fill(message);
  await page.getByRole('button', { name: en.send }).click();
  const number = page.getByText(/^Ticket \d+$/);
  await expect(number).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  return ticketNumbered(Number((await number.innerText()).replace(/\D/g, '')));
}

const log = (page: Page) => page.getByRole('log');
const sendFromComposer = async (page: Page, text: string) => {
  await page.getByRole('textbox', { name: en.message }).fill(text);
  await page.getByRole('button', { name: en.send }).click();
};

test('a conversation: started, answered live with the typing shown, and the same after a reload', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await open(context);
  await expectNoAxeViolations(page, 'start form en');
  const ticket = await startConversation(page, 'Anna Lindqvist', 'My Qiuyue pears arrived bruised.');
  await expect(log(page).getByText('My Qiuyue pears arrived bruised.')).toHaveCount(1);

  agent.emit('tickets.activity', { ticketId: ticket.id, activity: 'typing' });
  await expect(page.getByRole('status').filter({ hasText: 'The agent is typing…' })).toBeVisible();
  await reply(ticket.id, 'Sorry about that! Send me a photo and I will refund you.');
  await expect(log(page).getByText('Sorry about that! Send me a photo and I will refund you.')).toBeVisible();
  await expect(page.getByText('The agent is typing…')).toHaveCount(0);
  await sendFromComposer(page, 'Thank you, one moment.');
  await expect(log(page).getByText('Thank you, one moment.')).toHaveCount(1);
  await expectNoAxeViolations(page, 'conversation en');

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  for (const body of [
    'My Qiuyue pears arrived bruised.',
    'Sorry about that! Send me a photo and I will refund you.',
    'Thank you, one moment.',
  ]) {
    await expect(log(page).getByText(body, { exact: true })).toHaveCount(1);
  }
  // A new tab of the same browser opens the same conversation, not a new one.
  const second = await open(context);
  await expect(second.getByText(`Ticket ${ticket.number}`, { exact: true })).toBeVisible();
  await expect(log(second).getByText('Thank you, one moment.')).toHaveCount(1);

  // A shared PC: the customer forgets the conversation here, and the next person finds the form.
  await second.getByRole('button', { name: 'Forget this conversation on this device' }).click();
  await second.getByRole('button', { name: 'Forget it' }).click();
  await second.reload();
  await expect(second.getByRole('textbox', { name: en.name })).toHaveValue('');
  await expect(second.getByText(`Ticket ${ticket.number}`, { exact: true })).toHaveCount(0);
  await expect(log(second)).toHaveCount(0);
  await context.close();
});

test('written while offline: kept, shown as waiting, delivered once when the network is back', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await open(context);
  const ticket = await startConversation(page, 'Ben Okafor', 'Where is my parcel of snail noodles?');
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: en.reconnecting })).toBeVisible();
  await sendFromComposer(page, 'Still there? My order is QY-20261201-7.');
  const pending = page.locator('.chat-line--pending');
  await expect(pending).toContainText('Waiting to send');
  // Reloading while offline keeps it too: it is in the browser, not in the page.
  await context.setOffline(false);
  await page.reload();
  await context.setOffline(true);
  await expect(log(page).getByText('Still there? My order is QY-20261201-7.')).toHaveCount(1);
  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await expect(pending).toHaveCount(0);
  await expect(log(page).getByText('Still there? My order is QY-20261201-7.')).toHaveCount(1);
  await expect
    .poll(async () => (await messagesOf(ticket.id)).filter((m) => m.body.startsWith('Still there?')).length)
    .toBe(1);
  // The next test goes on in this conversation: the hub opens 5 per address in 10 minutes.
  carried = { context, page, ticket };
});

test('"slow down": the text is kept, the wait is said, and it goes by itself, once', async () => {
  test.setTimeout(90_000);
  if (!carried) throw new Error('runs after the offline test, in its conversation');
  const { context, page, ticket } = carried;
  carried = null;
  // The hub lets a conversation send 10 at once, then one every 3 s (server/chat/flood.ts): 16 in a
  // few seconds meet the limit; the rest wait their turn in order.
  const count = 16;
  for (let i = 1; i <= count; i++) await sendFromComposer(page, `quick ${i}`);
  await expect(page.getByRole('alert').filter({ hasText: /^Slow down: / })).toBeVisible();
  await expect(log(page).getByText(`quick ${count}`, { exact: true })).toHaveCount(1);
  await expect(page.locator('.chat-line--pending')).not.toHaveCount(0);
  await expect(page.locator('.chat-line--pending')).toHaveCount(0, { timeout: 40_000 });
  await expect(page.getByRole('alert').filter({ hasText: /^Slow down: / })).toHaveCount(0);
  const bodies = (await messagesOf(ticket.id)).map((m) => m.body).filter((b) => b.startsWith('quick '));
  expect(bodies).toEqual(Array.from({ length: count }, (_, i) => `quick ${i + 1}`));
  await context.close();
});

test('photos: a PNG is attached and sent; a renamed text file and a .txt are refused with the message', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await open(context);
  const ticket = await startConversation(page, 'Chen Jing', 'The stone painting arrived cracked.');
  const refusal = 'Only photos (JPEG, PNG or WebP) can be attached.';
  const picker = page.getByLabel(en.attach);

  // A text file renamed .jpg passes the browser's own type check; the hub reads the bytes and refuses it.
  await picker.setInputFiles({
    name: 'crack.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('this is an invoice, not a photo\n'),
  });
  await expect(page.getByRole('alert').filter({ hasText: refusal })).toBeVisible();
  // A .txt is refused before it is uploaded, with the same words.
  await page.getByRole('button', { name: 'Remove photo' }).click();
  await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('notes') });
  await expect(page.getByRole('alert').filter({ hasText: refusal })).toBeVisible();

  const png = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#8e6e53' } })
    .png()
    .toBuffer();
  await picker.setInputFiles({ name: 'crack.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('img', { name: 'Photo to send' })).toBeVisible();
  await expect(page.getByText('Photo ready to send')).toBeVisible();
  await page.getByRole('textbox', { name: en.message }).fill('Here is the crack.');
  await page.getByRole('button', { name: en.send }).click();
  const sent = log(page).getByRole('img', { name: 'Photo you sent' });
  await expect(sent).toHaveCount(1);
  await expect
    .poll(() => sent.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBe(120);
  const stored = (await messagesOf(ticket.id)).filter((m) => m.attachment !== null);
  expect(stored).toHaveLength(1);
  expect(stored[0]?.body).toBe('Here is the crack.');
  expect(stored[0]?.attachment).toMatchObject({ mime: 'image/png', width: 120, height: 80 });
  await context.close();
});

test('after resolve: a 1–5 rating with a comment, then thanks', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await open(context);
  const ticket = await startConversation(page, 'Eva Marsh', 'Can I get an invoice for order QY-20261201-7?');
  await reply(ticket.id, 'The invoice is in your email now.');
  await agentCall('tickets.setStatus', { id: uuidv7(), ticketId: ticket.id, status: 'resolved' });
  const rating = page.getByRole('radiogroup', { name: 'Your rating' });
  await expect(rating).toBeVisible();
  await expectNoAxeViolations(page, 'rating form en');
  await page.getByRole('button', { name: 'Submit rating' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose from 1 to 5 stars first.' })).toBeVisible();
  for (let n = 1; n <= 5; n++)
    await expect(rating.getByRole('radio', { name: n === 1 ? '1 star' : `${n} stars` })).toBeVisible();
  // Keyboard only: the radios are one tab stop, arrows move the choice.
  await rating.getByRole('radio', { name: '1 star' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(rating.getByRole('radio', { name: '4 stars' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Comment (optional)' }).fill('Quick and kind.');
  await page.getByRole('button', { name: 'Submit rating' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for your rating.' })).toBeVisible();
  await expect(page.getByText('You gave 4 stars.')).toBeVisible();
  const rated = await ticketNumbered(ticket.number);
  expect(rated.csat).toMatchObject({ score: 4, comment: 'Quick and kind.' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Thank you for your rating.' })).toBeVisible();
  await context.close();
});

test('zh-CN and en, default and high contrast: named controls and no axe violations on each view', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  // No ?lng=: the browser's language decides.
  await page.goto(`${hubUrl}/chat/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  for (const name of ['您的称呼', '订单号（选填）', '消息'])
    await expect(page.getByRole('textbox', { name })).toBeVisible();
  await expect(page.getByRole('button', { name: '发送' })).toBeVisible();
  /** Each view is checked in the default colours and with the page's high-contrast toggle on. */
  const checkBoth = async (label: string) => {
    const toggle = page.getByRole('button', { name: /^(High contrast|高对比度)$/ });
    for (const high of [false, true]) {
      if ((await toggle.getAttribute('aria-pressed')) !== String(high)) await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', String(high));
      await expectNoAxeViolations(page, `${label}${high ? ' high contrast' : ''}`);
    }
  };
  await checkBoth('start form zh-CN');

  await page.getByRole('textbox', { name: '您的称呼' }).fill('黄伟');
  await page.getByRole('textbox', { name: '消息' }).fill('金桔到了，有三个坏了');
  await page.getByRole('button', { name: '发送' }).click();
  const number = page.getByText(/^工单号 \d+$/);
  await expect(number).toBeVisible();
  const ticket = await ticketNumbered(Number((await number.innerText()).replace(/\D/g, '')));
  agent.emit('tickets.activity', { ticketId: ticket.id, activity: 'typing' });
  await expect(page.getByRole('status').filter({ hasText: '客服正在输入…' })).toBeVisible();
  await reply(ticket.id, '不好意思，马上给您补发。');
  await expect(log(page).getByText('不好意思，马上给您补发。')).toBeVisible();
  await checkBoth('conversation zh-CN');

  // The switch: English, kept across a reload, and the conversation stays.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('textbox', { name: en.message })).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Ticket ${ticket.number}`, { exact: true })).toBeVisible();
  await checkBoth('conversation en');

  await agentCall('tickets.setStatus', { id: uuidv7(), ticketId: ticket.id, status: 'resolved' });
  await expect(page.getByRole('radiogroup', { name: 'Your rating' })).toBeVisible();
  await checkBoth('rating form en');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('radiogroup', { name: '您的评分' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '1 星' })).toBeVisible();
  await checkBoth('rating form zh-CN');

  // 200 % text: everything still fits the width and wraps; nothing scrolls sideways.
  await page.setViewportSize({ width: 640, height: 800 });
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
  await expect(page.getByRole('button', { name: '提交评分' })).toBeVisible();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await context.close();
});

test('a sixth conversation from one address in 10 minutes waits, says so, and keeps the message', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await open(context);
  await page.getByRole('textbox', { name: en.name }).fill('Frank Sixth');
  await page.getByRole('textbox', { name: en.message }).fill('Do you ship kumquats to Hohhot?');
  await page.getByRole('button', { name: en.send }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /^Slow down: too many conversations were started from here\./ }),
  ).toBeVisible();
  await expect(page.getByText('Opening your ticket…')).toBeVisible();
  await page.reload();
  await expect(log(page).getByText('Do you ship kumquats to Hohhot?')).toHaveCount(1);
  await context.close();
});
