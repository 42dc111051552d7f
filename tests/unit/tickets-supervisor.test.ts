import { describe, expect, it } from 'vitest';
import { defaultSlaTargets, slaTargetsSchema } from '../../shared/domain/tickets/sla';
import type { CannedReply, TicketSummary } from '../../shared/protocol';
import { AssignmentNoticeFilter, clip, ownClaimMs } from '../../renderer/tickets/assignment-notice-filter';
import { checkCanned, insertAt, type CannedFormValues } from '../../renderer/tickets/supervisor/canned-form';
import { summariseCsat } from '../../renderer/tickets/supervisor/csat';
import {
  sameProfile,
  slowReplyChoices,
  thresholdParts,
} from '../../renderer/tickets/supervisor/profile-options';
import { fromForm, toField, toForm, type SlaForm } from '../../renderer/tickets/supervisor/sla-form';

const minute = 60_000;
const hour = 60 * minute;

function ticket(id: number, over: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id,
    number: id + 100,
    subject: '金桔还没到',
    status: 'resolved',
    priority: 'normal',
    tags: [],
    customer: { id: id + 1000, name: `客户${id}`, locale: 'zh-CN' },
    orderNumber: null,
    assignee: { id: 1, displayName: '韦秀兰' },
    assignedAt: 1_000,
    answered: true,
    snoozedUntil: null,
    firstResponseAt: 2_000,
    resolvedAt: 3_000,
    slaPausedMs: 0,
    slaPausedSince: null,
    lastSeq: 3,
    lastMessage: null,
    customerMessages: 1,
    lastCustomerAt: 1_500,
    csat: null,
    createdAt: 500,
    updatedAt: 3_000,
    ...over,
  };
}

describe('the satisfaction summary', () => {
  it('averages, counts each score, and keeps the newest comments first', () => {
    const tickets = [
      ticket(1, { csat: { score: 5, comment: '很快，谢谢', at: 10 } }),
      ticket(2, { csat: { score: 4, comment: null, at: 20 } }),
      ticket(3, { csat: { score: 2, comment: '  梨坏了两个  ', at: 30 } }),
      ticket(4),
      ticket(5, {
        csat: { score: 5, comment: '', at: 40 },
        assignee: { id: 2, displayName: 'Li Na' },
      }),
    ];
    const summary = summariseCsat(tickets);
    expect(summary).toMatchObject({ resolved: 5, rated: 4, average: 4 });
    expect(summary.distribution).toEqual({ 1: 0, 2: 1, 3: 0, 4: 1, 5: 2 });
    // Blank comments are not comments; the text is trimmed; the newest first.
    expect(summary.comments.map((c) => [c.number, c.comment])).toEqual([
      [103, '梨坏了两个'],
      [101, '很快，谢谢'],
    ]);
    expect(summary.byAgent).toEqual([
      { agentId: 2, name: 'Li Na', rated: 1, average: 5 },
      { agentId: 1, name: '韦秀兰', rated: 3, average: 11 / 3 },
    ]);
  });

  it('says there is no average rather than 0 when nobody rated, and caps the comments', () => {
    expect(summariseCsat([ticket(1), ticket(2)])).toMatchObject({ rated: 0, average: null, comments: [] });
    const many = Array.from({ length: 30 }, (_, i) =>
      ticket(i, { csat: { score: 3, comment: `c${i}`, at: i } }),
    );
    const summary = summariseCsat(many, 10);
    expect(summary.comments).toHaveLength(10);
    expect(summary.comments[0]?.comment).toBe('c29');
  });
});

describe('the SLA form', () => {
  it('shows whole hours in hours and the rest in minutes, and reads back what it shows', () => {
    expect(toField(4 * hour)).toEqual({ amount: '4', unit: 'hours' });
    expect(toField(90 * minute)).toEqual({ amount: '90', unit: 'minutes' });
    const back = fromForm(toForm(defaultSlaTargets));
    expect(back).toEqual({ ok: true, targets: defaultSlaTargets });
  });

  it('refuses what the hub would, naming each field: not a number, too long, first after resolution', () => {
    const form: SlaForm = toForm(defaultSlaTargets);
    form.urgent.firstResponse = { amount: '5', unit: 'hours' };
    form.low.resolution = { amount: 'soon', unit: 'hours' };
    form.high.resolution = { amount: '721', unit: 'hours' };
    form.normal.firstResponse = { amount: '0', unit: 'minutes' };
    const checked = fromForm(form);
    expect(checked).toEqual({
      ok: false,
      errors: {
        'urgent.firstResponse': 'firstAfterResolution',
        'low.resolution': 'notWholeNumber',
        'high.resolution': 'tooLong',
        'normal.firstResponse': 'notWholeNumber',
      },
    });
  });

  it('takes full-width digits as a Chinese keyboard types them, and the schema agrees with what it lets through', () => {
    const form = toForm(defaultSlaTargets);
    form.urgent.firstResponse = { amount: '２０', unit: 'minutes' };
    const checked = fromForm(form);
    expect(checked.ok && checked.targets.urgent.firstResponseMs).toBe(20 * minute);
    if (checked.ok) expect(slaTargetsSchema.safeParse(checked.targets).success).toBe(true);
    form.urgent.firstResponse = { amount: '1.5', unit: 'hours' };
    expect(fromForm(form).ok).toBe(false);
  });
});

describe('the canned reply form', () => {
  const visible: CannedReply[] = [
    { id: 1, ownerId: null, shortcut: '/wl', title: '物流', body: '…', locale: 'zh-CN', updatedAt: 0 },
    { id: 2, ownerId: 7, shortcut: '/mine', title: 'Mine', body: '…', locale: null, updatedAt: 0 },
  ];
  const values = (over: Partial<CannedFormValues> = {}): CannedFormValues => ({
    scope: 'org',
    shortcut: '/fp',
    title: '发票',
    body: '{customer.name}您好，发票会在发货后开出。',
    locale: 'zh-CN',
    ...over,
  });

  it('passes a good reply through as the command takes it, trimmed', () => {
    expect(checkCanned(values({ title: '  发票  ' }), null, visible)).toEqual({
      ok: true,
      draft: {
        scope: 'org',
        shortcut: '/fp',
        title: '发票',
        body: '{customer.name}您好，发票会在发货后开出。',
        locale: 'zh-CN',
      },
    });
    // Editing keeps its own shortcut and names itself.
    const edited = checkCanned(values({ shortcut: '/wl' }), 1, visible);
    expect(edited.ok && edited.draft.cannedId).toBe(1);
  });

  it('refuses each field for its own reason', () => {
    const refused = (over: Partial<CannedFormValues>) => {
      const checked = checkCanned(values(over), null, visible);
      return checked.ok ? [] : checked.errors;
    };
    expect(refused({ shortcut: 'fp' })).toEqual([{ field: 'shortcut', problem: 'format' }]);
    expect(refused({ shortcut: '/has space' })).toEqual([{ field: 'shortcut', problem: 'format' }]);
    expect(refused({ shortcut: '/wl' })).toEqual([{ field: 'shortcut', problem: 'taken' }]);
    expect(refused({ shortcut: '/mine' })).toEqual([{ field: 'shortcut', problem: 'taken' }]);
    expect(refused({ title: ' ' })).toEqual([{ field: 'title', problem: 'required' }]);
    expect(refused({ title: '字'.repeat(81) })).toEqual([{ field: 'title', problem: 'tooLong' }]);
    expect(refused({ body: '' })).toEqual([{ field: 'body', problem: 'required' }]);
    expect(refused({ body: 'x'.repeat(4001) })).toEqual([{ field: 'body', problem: 'tooLong' }]);
    expect(refused({ body: 'Hi {customer.nam} and {ordr.id}' })).toEqual([
      { field: 'body', problem: 'unknownVariables', names: ['customer.nam', 'ordr.id'] },
    ]);
  });

  it('inserts a variable at the caret, over a selection, or at the end', () => {
    expect(insertAt('您好，', '{customer.name}', { start: 2, end: 2 })).toEqual({
      body: '您好{customer.name}，',
      caret: 17,
    });
    expect(insertAt('order X here', '{order.id}', { start: 6, end: 7 })).toEqual({
      body: 'order {order.id} here',
      caret: 16,
    });
    expect(insertAt('abc', '{agent.name}', null)).toEqual({ body: 'abc{agent.name}', caret: 15 });
  });
});

describe('the accommodation profile choices', () => {
  it('offer never and generous waits, and keep a wait set elsewhere in the list', () => {
    expect(slowReplyChoices(null)).toEqual([null, 10 * minute, 20 * minute, 30 * minute, hour]);
    expect(slowReplyChoices(45 * minute)).toEqual([
      null,
      10 * minute,
      20 * minute,
      30 * minute,
      45 * minute,
      hour,
    ]);
    expect(slowReplyChoices(2 * hour)).toContain(2 * hour);
    expect(thresholdParts(hour)).toEqual({ hours: 1 });
    expect(thresholdParts(45 * minute)).toEqual({ minutes: 45 });
    expect(
      sameProfile(
        { maxConcurrent: 3, reassignAfterMs: null, textOnly: false },
        { maxConcurrent: 3, reassignAfterMs: null, textOnly: true },
      ),
    ).toBe(false);
  });
});

describe('which assignments are news', () => {
  const mine = (id: number, assignedAt = 1_000) =>
    ticket(id, { status: 'new', assignee: { id: 7, displayName: 'Me' }, assignedAt });

  it('only the worker’s own, once each; the same ticket assigned again later is news again', () => {
    const filter = new AssignmentNoticeFilter(7);
    expect(filter.isNews(mine(1), 0)).toBe(true);
    expect(filter.isNews(mine(1), 10)).toBe(false);
    expect(filter.isNews(ticket(2, { assignee: { id: 8, displayName: 'Other' } }), 10)).toBe(false);
    expect(filter.isNews(ticket(3, { assignee: null }), 10)).toBe(false);
    expect(filter.isNews(mine(1, 5_000), 20)).toBe(true);
  });

  it('not one the worker claimed a moment ago', () => {
    const filter = new AssignmentNoticeFilter(7);
    filter.claimed(4, 100);
    expect(filter.isNews(mine(4), 200)).toBe(false);
    filter.claimed(5, 100);
    expect(filter.isNews(mine(5), 100 + ownClaimMs + 1)).toBe(true);
  });

  it('clips text for the OS without cutting a character in two', () => {
    expect(clip('short', 120)).toBe('short');
    const long = '😀'.repeat(100);
    const clipped = clip(long, 121);
    expect(clipped.length).toBeLessThanOrEqual(121);
    expect(clipped.endsWith('…')).toBe(true);
    expect(clipped.slice(0, -1)).toBe('😀'.repeat(60));
  });
});
