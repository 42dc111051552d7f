import { describe, expect, it } from 'vitest';
import {
  expireSlots,
  markRead,
  placeAlert,
  slotLeavesAt,
  slotTiming,
  speechMs,
  type AlertSlot,
  type SlotAlert,
} from '../../shared/a11y/alert-slots';

const notes = (count: number, read = false): SlotAlert => ({
  key: 'topic:team.message',
  kind: 'info',
  count,
  words: (total) => (total === 1 ? 'New team note from Li: hi' : `${total} new team notes`),
  read,
});

function ids() {
  let n = 0;
  return () => ++n;
}

describe('banner slots', () => {
  it('gather a topic into one slot that counts every alert since it opened', () => {
    const newId = ids();
    let slots: AlertSlot[] = placeAlert([], notes(1), 1_000, newId, 3);
    expect(slots).toHaveLength(1);
    expect(slots[0]?.message).toBe('New team note from Li: hi');
    slots = placeAlert(slots, notes(2), 5_000, newId, 3);
    expect(slots).toHaveLength(1);
    expect(slots[0]).toMatchObject({
      id: 1,
      count: 3,
      message: '3 new team notes',
      shownAt: 1_000,
      updatedAt: 5_000,
    });
  });

  it('keep one-off alerts apart, newest first, at most the given number', () => {
    const newId = ids();
    let slots: AlertSlot[] = [];
    for (let i = 1; i <= 4; i++)
      slots = placeAlert(
        slots,
        { key: `alert:${i}`, kind: 'info', count: 1, words: () => `alert ${i}`, read: false },
        i,
        newId,
        3,
      );
    expect(slots.map((s) => s.message)).toEqual(['alert 4', 'alert 3', 'alert 2']);
  });

  it('stay at least the minimum after their words last changed, even when read at once', () => {
    const slot = placeAlert([], notes(1, true), 1_000, ids(), 3)[0];
    if (!slot) throw new Error('no slot');
    expect(slotLeavesAt(slot)).toBe(1_000 + slotTiming.minVisibleMs);
    expect(slotTiming.minVisibleMs).toBeGreaterThanOrEqual(8_000);
  });

  it('wait, unread, for the words to be said and some time after', () => {
    const long = 'x'.repeat(400);
    const slot = placeAlert([], { ...notes(1), words: () => long }, 0, ids(), 3)[0];
    if (!slot) throw new Error('no slot');
    expect(slotLeavesAt(slot)).toBe(speechMs(long) + slotTiming.afterSpeechMs);
    expect(speechMs('退款已处理')).toBeGreaterThan(speechMs('refund'));
  });

  it('keep an unread urgent slot until it is read or dismissed', () => {
    const slots = placeAlert([], { ...notes(1), kind: 'urgent' }, 0, ids(), 3);
    const slot = slots[0];
    if (!slot) throw new Error('no slot');
    expect(slotLeavesAt(slot)).toBeNull();
    const read = markRead(slots, slot.key, 20_000);
    expect(read[0] && slotLeavesAt(read[0])).toBe(20_000);
  });

  it('keep an unread slot with an action until it is read or dismissed, with the newest action', () => {
    const first = { label: 'Open #41', run: () => {} };
    const second = { label: 'Open #42', run: () => {} };
    let slots = placeAlert([], { ...notes(1), action: first }, 0, ids(), 3);
    expect(slots[0]?.action).toBe(first);
    expect(slots[0] && slotLeavesAt(slots[0])).toBeNull();
    slots = placeAlert(slots, { ...notes(1), action: second }, 1_000, ids(), 3);
    expect(slots[0]?.action).toBe(second);
    // A later alert of the topic without one takes the button away: it would open the older thing.
    const plain = placeAlert(slots, notes(1), 2_000, ids(), 3);
    expect(plain[0]?.action).toBeUndefined();
    const read = markRead(slots, 'topic:team.message', 30_000);
    expect(read[0] && slotLeavesAt(read[0])).toBe(30_000);
  });

  it('go once due, and not while held or just after', () => {
    const slots = placeAlert([], notes(1, true), 0, ids(), 3);
    expect(expireSlots(slots, 7_999, null)).toEqual({ slots, nextAt: 8_000 });
    expect(expireSlots(slots, 8_000, null).slots).toEqual([]);
    // Let go at 9 s: it stays the after-hold time more.
    expect(expireSlots(slots, 10_000, 9_000)).toEqual({ slots, nextAt: 9_000 + slotTiming.afterHoldMs });
    expect(expireSlots(slots, 12_000, 9_000).slots).toEqual([]);
  });

  it('mark only the unread slots of the topic read', () => {
    const slots = placeAlert([], notes(1), 0, ids(), 3);
    const read = markRead(slots, 'topic:team.message', 3_000);
    expect(read[0]?.readAt).toBe(3_000);
    expect(markRead(read, 'topic:team.message', 4_000)).toBe(read);
    expect(markRead(slots, 'topic:other', 4_000)).toBe(slots);
  });
});
