import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { mutation, type MutationNames, type QueryNames } from '../../shared/protocol/command';
import { commands, type MutatingCommandName } from '../../shared/protocol/events';

/**
 * Rules the type checker enforces (`npm run typecheck` compiles this file):
 * an error here is a broken contract, found before any test runs.
 */
describe('command specs, by type', () => {
  it('refuses a mutation whose input has no command id', () => {
    const withId = mutation({
      input: z.object({ id: z.string(), body: z.string() }).strict(),
      output: z.object({}),
      roles: [],
      outbox: { lane: () => 'x', typed: (input) => input.body },
    });
    const withoutId = mutation({
      // @ts-expect-error a mutating command's input must carry `id`
      input: z.object({ body: z.string() }).strict(),
      output: z.object({}),
      roles: [],
      outbox: { lane: () => 'x', typed: () => null },
    });
    expect(withId.kind).toBe('mutation');
    expect(withoutId.kind).toBe('mutation');
  });

  it('tells mutations from queries in the worker table', () => {
    expectTypeOf<'team.post'>().toMatchTypeOf<MutatingCommandName>();
    expectTypeOf<'team.history'>().not.toMatchTypeOf<MutatingCommandName>();
    expectTypeOf<'team.history'>().toMatchTypeOf<QueryNames<typeof commands>>();
    expectTypeOf<'admin.users.setRoles'>().toMatchTypeOf<MutationNames<typeof commands>>();
    for (const [name, spec] of Object.entries(commands)) {
      if (spec.kind !== 'mutation') continue;
      expect('id' in (spec.input as unknown as z.ZodObject).shape, name).toBe(true);
    }
  });
});
