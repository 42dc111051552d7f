import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { channels } from '../../shared/bridge';
import { loginRequestSchema, setupRequestSchema } from '../../shared/protocol/auth';
import { commands } from '../../shared/protocol/events';
import { isWellFormed } from '../../shared/protocol/text';

const lone = ['\ud800', 'abc\udfff', '\udc00x', 'x\ud83d'];
const fine = ['', 'plain', '金桔 🍊 pears', '\ud83c\udf4a'];

describe('well-formed text', () => {
  it('tells lone surrogates from real text', () => {
    for (const s of lone) expect(isWellFormed(s), JSON.stringify(s)).toBe(false);
    for (const s of fine) expect(isWellFormed(s), JSON.stringify(s)).toBe(true);
  });

  /** A valid input per schema and the string fields a client fills in. */
  const cases: {
    name: string;
    schema: { safeParse(v: unknown): { success: boolean } };
    valid: Record<string, unknown>;
    fields: string[];
  }[] = [
    {
      name: 'team.post',
      schema: commands['team.post'].input,
      valid: { id: uuidv7(), body: '到了' },
      fields: ['body'],
    },
    {
      name: 'admin.users.create',
      schema: commands['admin.users.create'].input,
      valid: {
        id: uuidv7(),
        username: 'xiaoyan',
        displayName: '蒙小燕',
        password: 'long-enough',
        roles: ['agent'],
      },
      fields: ['username', 'displayName', 'password'],
    },
    {
      name: 'admin.users.resetPassword',
      schema: commands['admin.users.resetPassword'].input,
      valid: { id: uuidv7(), userId: 2, password: 'long-enough' },
      fields: ['password'],
    },
    {
      name: 'login',
      schema: loginRequestSchema,
      valid: { username: 'agent', password: 'wings-demo' },
      fields: ['username', 'password'],
    },
    {
      name: 'setup',
      schema: setupRequestSchema,
      valid: {
        code: 'ABCD',
        organisation: 'Shop',
        username: 'owner',
        displayName: 'O',
        password: '12345678',
      },
      fields: ['code', 'organisation', 'username', 'displayName', 'password'],
    },
    {
      name: 'drafts.put',
      schema: channels['drafts.put'].input,
      valid: { sessionId: 'a'.repeat(32), key: 'team.note', text: 'half a thought' },
      fields: ['key', 'text'],
    },
    {
      name: 'session.signIn',
      schema: channels['session.signIn'].input,
      valid: { username: 'agent', password: 'wings-demo' },
      fields: ['username', 'password'],
    },
  ];

  for (const c of cases) {
    it(`refuses a lone surrogate in every text field of ${c.name}`, () => {
      expect(c.schema.safeParse(c.valid).success).toBe(true);
      for (const field of c.fields) {
        const value = String(c.valid[field]);
        expect(c.schema.safeParse({ ...c.valid, [field]: `${value}\ud800` }).success, field).toBe(false);
      }
    });
  }
});
