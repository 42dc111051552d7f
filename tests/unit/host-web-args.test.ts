import { describe, expect, it } from 'vitest';
import { defaultWebPort, parseWebArgs } from '../../electron/web/args';

describe('parseWebArgs', () => {
  it('defaults to the fixed port, the repo data dir and the embedded hub', () => {
    expect(parseWebArgs([])).toEqual({ port: defaultWebPort, dataDir: null, hubUrl: null, logLevel: 'warn' });
  });

  it('reads --port, --data, --hub and accepts --build', () => {
    expect(
      parseWebArgs(['--port', '0', '--data', '/tmp/w', '--hub', 'http://10.0.0.5:4000', '--build']),
    ).toEqual({
      port: 0,
      dataDir: '/tmp/w',
      hubUrl: 'http://10.0.0.5:4000',
      logLevel: 'warn',
    });
  });

  it('refuses bad ports, non-http hubs and unknown flags', () => {
    expect(() => parseWebArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseWebArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseWebArgs(['--hub', 'file:///etc'])).toThrow(/--hub/);
    expect(() => parseWebArgs(['--colour'])).toThrow();
  });
});
