import { describe, expect, it } from 'vitest';
import { spawnHubCli } from '../support/hub-process';

describe('hub CLI media flags', () => {
  for (const [args, message] of [
    [['--rtc-port', 'abc'], /^hub: --rtc-port must be a number from 0 to 65535/],
    [['--rtc-port', '70000'], /^hub: --rtc-port must be a number from 0 to 65535/],
    [
      ['--announced-address', 'not a host!'],
      /^hub: --announced-address must be an IP address or a host name/,
    ],
    [['--announced-address', ''], /^hub: --announced-address must be an IP address or a host name/],
  ] as const) {
    it(`exits 2 with one clear line on ${args.join(' ')}`, async () => {
      const run = spawnHubCli([...args]);
      expect(await run.exited).toEqual({ code: 2, signal: null });
      const lines = run.stderr.join('').trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    });
  }
});
