import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cannedVariables, fillCanned, unknownVariables, variablesIn } from '../../shared/domain/tickets';

describe('fillCanned', () => {
  it('fills all three variables, in Chinese and English text', () => {
    const body = '{customer.name}您好，我是{agent.name}。订单 {order.id} 已发货。';
    expect(
      fillCanned(body, { 'customer.name': '王女士', 'agent.name': '小李', 'order.id': 'WX20240518-0032' }),
    ).toEqual({
      text: '王女士您好，我是小李。订单 WX20240518-0032 已发货。',
      missing: [],
    });
    expect(
      fillCanned('Hi {customer.name}, order {order.id} is on its way.', {
        'customer.name': 'Ada',
        'order.id': '1042',
      }),
    ).toEqual({ text: 'Hi Ada, order 1042 is on its way.', missing: [] });
  });

  it('allows whitespace inside the braces', () => {
    expect(
      fillCanned('Order { order.id }, {  agent.name\t}', { 'order.id': '7', 'agent.name': 'Li' }).text,
    ).toBe('Order 7, Li');
  });

  it('leaves a variable without a value as written and lists it once, in order of first use', () => {
    const body = 'Hi {customer.name}, order { order.id } and {order.id}. — {agent.name}';
    expect(fillCanned(body, { 'agent.name': 'Li', 'customer.name': null })).toEqual({
      text: 'Hi {customer.name}, order { order.id } and {order.id}. — Li',
      missing: ['customer.name', 'order.id'],
    });
    expect(fillCanned('您好，{customer.name}！', { 'customer.name': '  ' })).toEqual({
      text: '您好，{customer.name}！',
      missing: ['customer.name'],
    });
  });

  it('leaves unknown names, other brace text and unbalanced braces untouched', () => {
    const values = { 'customer.name': 'Ada' };
    expect(fillCanned('{customer.email} {Customer.Name} {} { } {x', values)).toEqual({
      text: '{customer.email} {Customer.Name} {} { } {x',
      missing: [],
    });
    expect(fillCanned('{customer.name', values).text).toBe('{customer.name');
    expect(fillCanned('customer.name}', values).text).toBe('customer.name}');
    expect(fillCanned('{{customer.name}}', values).text).toBe('{Ada}');
    expect(fillCanned('{ {customer.name} }', values).text).toBe('{ Ada }');
    expect(fillCanned('', values)).toEqual({ text: '', missing: [] });
  });

  it('inserts values literally: no second expansion, no replacement patterns', () => {
    expect(
      fillCanned('{customer.name} / {agent.name}', { 'customer.name': '{agent.name}', 'agent.name': 'Li' })
        .text,
    ).toBe('{agent.name} / Li');
    expect(fillCanned('Hi {customer.name}', { 'customer.name': "$& $1 $' $$" }).text).toBe("Hi $& $1 $' $$");
  });

  it('text without variables comes back unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const body = s.replace(/[{}]/g, '');
        expect(fillCanned(body, { 'customer.name': 'x' })).toEqual({ text: body, missing: [] });
      }),
    );
  });

  it('after filling every variable with brace-free values none is left (property)', () => {
    const piece = fc.oneof(
      fc.string().map((s) => s.replace(/[{}]/g, '')),
      fc.constantFrom(...cannedVariables).map((v) => `{ ${v} }`),
    );
    const value = fc.string({ minLength: 1 }).map((s) => `v${s.replace(/[{}]/g, '')}`);
    fc.assert(
      fc.property(fc.array(piece), value, value, value, (pieces, a, b, c) => {
        const { text, missing } = fillCanned(pieces.join(''), {
          'customer.name': a,
          'order.id': b,
          'agent.name': c,
        });
        expect(missing).toEqual([]);
        expect(variablesIn(text)).toEqual([]);
      }),
    );
  });
});

describe('variablesIn and unknownVariables', () => {
  const body =
    '{agent.name} {customer.name} {agent.name} {customer.email} { 订单号 } {} {order.id} {customer.email}';

  it('lists known variables once each, in order of first use', () => {
    expect(variablesIn(body)).toEqual(['agent.name', 'customer.name', 'order.id']);
    expect(variablesIn('no variables {')).toEqual([]);
  });

  it('lists unknown names once each, trimmed, ignoring empty braces', () => {
    expect(unknownVariables(body)).toEqual(['customer.email', '订单号']);
    expect(unknownVariables('{customer.name} {order.id}')).toEqual([]);
  });
});
