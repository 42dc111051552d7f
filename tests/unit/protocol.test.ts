import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { ackSchema, errorCodes, fail, invalidInput, ok, toIssues } from '../../shared/protocol/ack';
import { createUserInput, resetPasswordInput } from '../../shared/protocol/admin';
import {
  loginRequestSchema,
  passwordSchema,
  setupRequestSchema,
  usernameSchema,
} from '../../shared/protocol/auth';
import { commandNames, commands, isCommandName, pushes } from '../../shared/protocol/events';
import { commandIdSchema, epochMsSchema, rowIdSchema } from '../../shared/protocol/ids';
import { teamHistoryInput, teamMessagesPush, teamPostInput } from '../../shared/protocol/team';

describe('ids', () => {
  it('accepts UUIDv7 command ids only', () => {
    expect(commandIdSchema.safeParse(uuidv7()).success).toBe(true);
    expect(commandIdSchema.safeParse(uuidv7().toUpperCase()).success).toBe(true);
    for (const bad of [uuidv4(), '', 'not-a-uuid', `${uuidv7()}x`, 42, null]) {
      expect(commandIdSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('accepts positive safe integers as row ids and non-negative integers as times', () => {
    expect(rowIdSchema.safeParse(1).success).toBe(true);
    for (const bad of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, '1', NaN]) {
      expect(rowIdSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
    expect(epochMsSchema.safeParse(0).success).toBe(true);
    expect(epochMsSchema.safeParse(-1).success).toBe(false);
  });
});

describe('auth schemas', () => {
  it('accepts Chinese usernames and refuses spaces and symbols', () => {
    expect(usernameSchema.parse('  韦秀兰 ')).toBe('韦秀兰');
    expect(usernameSchema.safeParse('meng.xiao-yan_2').success).toBe(true);
    for (const bad of ['a', 'has space', 'semi;colon', '#setup', 'x'.repeat(65)]) {
      expect(usernameSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('bounds passwords so hashing cannot be made expensive', () => {
    expect(passwordSchema.safeParse('12345678').success).toBe(true);
    expect(passwordSchema.safeParse('1234567').success).toBe(false);
    expect(passwordSchema.safeParse('x'.repeat(257)).success).toBe(false);
    expect(loginRequestSchema.safeParse({ username: 'a', password: 'x'.repeat(257) }).success).toBe(false);
    expect(loginRequestSchema.safeParse({ username: '   ', password: 'x' }).success).toBe(false);
  });

  it('requires every setup field', () => {
    const good = {
      code: 'ABCD',
      organisation: 'Shop',
      username: 'owner',
      displayName: 'O',
      password: '12345678',
    };
    expect(setupRequestSchema.safeParse(good).success).toBe(true);
    for (const key of Object.keys(good)) {
      const { [key as keyof typeof good]: _drop, ...rest } = good;
      expect(setupRequestSchema.safeParse(rest).success, key).toBe(false);
    }
  });
});

describe('command schemas', () => {
  it('rejects unknown keys on every command input', () => {
    for (const name of commandNames) {
      expect(commands[name].input.safeParse({ surprise: 1 }).success, name).toBe(false);
    }
  });

  it('requires a command id on exactly the mutating commands', () => {
    for (const name of commandNames) {
      const shape = (commands[name].input as unknown as z.ZodObject).shape;
      expect('id' in shape, name).toBe(commands[name].kind === 'mutation');
    }
  });

  it('validates team posts and history requests', () => {
    expect(teamPostInput.parse({ id: uuidv7(), body: '  到了  ' }).body).toBe('到了');
    expect(teamPostInput.safeParse({ id: uuidv7(), body: '   ' }).success).toBe(false);
    expect(teamPostInput.safeParse({ id: uuidv7(), body: 'x'.repeat(2001) }).success).toBe(false);
    expect(teamHistoryInput.safeParse({}).success).toBe(true);
    expect(teamHistoryInput.safeParse({ afterSeq: 3, limit: 200 }).success).toBe(true);
    expect(teamHistoryInput.safeParse({ limit: 201 }).success).toBe(false);
    expect(teamHistoryInput.safeParse({ afterSeq: -1 }).success).toBe(false);
  });

  it('validates admin inputs', () => {
    const user = {
      id: uuidv7(),
      username: 'newbie',
      displayName: '新人',
      password: 'long-enough',
      roles: ['agent'],
    };
    expect(createUserInput.safeParse(user).success).toBe(true);
    expect(createUserInput.safeParse({ ...user, roles: [] }).success).toBe(false);
    expect(createUserInput.safeParse({ ...user, roles: ['root'] }).success).toBe(false);
    expect(resetPasswordInput.safeParse({ id: uuidv7(), userId: 0, password: 'long-enough' }).success).toBe(
      false,
    );
  });

  it('validates the team push', () => {
    const message = {
      seq: 1,
      commandId: uuidv7(),
      author: { id: 1, displayName: 'A' },
      body: 'b',
      createdAt: 1,
    };
    expect(teamMessagesPush.safeParse({ stream: 'team', messages: [message] }).success).toBe(true);
    expect(teamMessagesPush.safeParse({ stream: 'tickets', messages: [message] }).success).toBe(false);
    expect(teamMessagesPush.safeParse({ stream: 'team', messages: [] }).success).toBe(false);
    expect(teamMessagesPush.safeParse({ stream: 'team', messages: [{ ...message, seq: 0 }] }).success).toBe(
      false,
    );
    expect(Object.keys(pushes)).toEqual([
      'team.messages',
      'team.typing',
      'tickets.changed',
      'tickets.messages',
      'tickets.assigned',
      'tickets.activity',
      'agents.changed',
      'canned.changed',
      'tickets.settingsChanged',
      'tickets.customerTyping',
      'live.state',
      'live.console',
      'live.comments',
      'live.commentRemoved',
      'live.orders',
      'live.products',
      'live.producers',
      'roster.changed',
      'shifts.changed',
      'earnings.changed',
    ]);
    expect(pushes['team.messages'].durable).toBe(true);
    expect(pushes['team.typing'].durable).toBe(false);
  });

  it('recognises command names without being fooled by the prototype', () => {
    for (const name of commandNames) expect(isCommandName(name)).toBe(true);
    for (const bad of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      'team.messages',
      5,
      null,
      {},
    ]) {
      expect(isCommandName(bad), String(bad)).toBe(false);
    }
  });
});

describe('ack helpers', () => {
  it('builds ok and fail replies in the wire shape', () => {
    expect(ok({ a: 1 })).toEqual({ ok: true, data: { a: 1 } });
    expect(fail('forbidden', 'no')).toEqual({ ok: false, error: { code: 'forbidden', message: 'no' } });
    expect(fail('invalid_input', 'bad', [{ path: ['x'], message: 'm' }])).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'bad', issues: [{ path: ['x'], message: 'm' }] },
    });
    expect(Object.keys(fail('internal', 'x'))).toEqual(['ok', 'error']);
    expect(JSON.stringify(fail('internal', 'x'))).not.toContain('issues');
  });

  it('turns zod errors into bounded plain issues', () => {
    const schema = z.object({ list: z.array(z.number()) });
    const result = schema.safeParse({ list: Array.from({ length: 50 }, () => 'x') });
    expect(result.success).toBe(false);
    if (result.success) return;
    const issues = toIssues(result.error);
    expect(issues).toHaveLength(20);
    expect(issues[0]).toEqual({ path: ['list', 0], message: expect.any(String) });
    expect(toIssues(result.error, 3)).toHaveLength(3);
    const ack = invalidInput(result.error);
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // What goes on the wire survives JSON.
    expect(JSON.parse(JSON.stringify(ack))).toEqual(ack);
  });

  it('drops symbol path segments', () => {
    const sym = Symbol('s');
    const error = new z.ZodError([{ code: 'custom', path: ['a', sym, 1], message: 'm', input: null }]);
    expect(toIssues(error)).toEqual([{ path: ['a', 1], message: 'm' }]);
  });

  it('checks acks a client receives', () => {
    const schema = ackSchema(z.object({ n: z.number() }));
    expect(schema.safeParse({ ok: true, data: { n: 1 } }).success).toBe(true);
    expect(schema.safeParse({ ok: true, data: { n: 'x' } }).success).toBe(false);
    expect(schema.safeParse({ ok: false, error: { code: 'conflict', message: 'x' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'teapot', message: 'x' } }).success).toBe(false);
    expect(schema.safeParse({ ok: 'yes' }).success).toBe(false);
    expect(errorCodes).toContain('rate_limited');
  });
});
