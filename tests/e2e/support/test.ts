import { test as base } from '@playwright/test';
import { signOutHost } from './host';

export { expect } from '@playwright/test';

/**
 * Playwright's test, with every test starting signed out of the shared
 * web-mode instance: the host keeps who is signed in (not the page), so a
 * sign-in left by the previous test would otherwise open the next one's page
 * on that worker's shell. Specs with an instance of their own do the same for
 * it (see `ownInstance`).
 */
export const test = base.extend<{ signedOutHost: undefined }>({
  signedOutHost: [
    // Playwright reads the fixtures a fixture needs from this pattern; this one needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const shared = process.env.WINGS_E2E_URL;
      if (shared) await signOutHost(shared);
      await use(undefined);
    },
    { auto: true },
  ],
});
