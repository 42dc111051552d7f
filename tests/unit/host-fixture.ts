import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelName, ChannelOutput } from '../../shared/bridge';
import type { Ack } from '../../shared/protocol';
import { handleBridgeCall } from '../../electron/host/bridge-dispatch';
import type { SpeechOptions } from '../../electron/host/speech';
import {
  createHostServices,
  type HostLogger,
  type HostPlatform,
  type HostServices,
} from '../../electron/host/services';

export interface HostFixture {
  dir: string;
  logged: { level: 'warn' | 'error'; msg: string }[];
  open(options?: { platform?: HostPlatform; now?: () => number; speech?: SpeechOptions }): HostServices;
  cleanup(): void;
}

/** Host services on a throwaway directory; `open()` again to simulate a restart. */
export function hostFixture(): HostFixture {
  const dir = mkdtempSync(join(tmpdir(), 'wings-host-'));
  const logged: HostFixture['logged'] = [];
  const log: HostLogger = {
    warn: (_obj, msg) => logged.push({ level: 'warn', msg }),
    error: (_obj, msg) => logged.push({ level: 'error', msg }),
  };
  const opened: HostServices[] = [];
  return {
    dir,
    logged,
    open(options = {}) {
      const services = createHostServices({
        dataDir: dir,
        log,
        hubInfo: () => ({
          hubUrl: 'http://127.0.0.1:1',
          embeddedHub: true,
          version: '0.0.0-test',
          demoPassword: null,
        }),
        ...options,
      });
      opened.push(services);
      return services;
    },
    cleanup() {
      for (const services of opened) services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `handleBridgeCall` with the answer typed by channel, for readable assertions. */
export function call<N extends ChannelName>(
  services: HostServices,
  name: N,
  input: unknown,
): Promise<Ack<ChannelOutput<N>>> {
  return handleBridgeCall(services, name, input) as Promise<Ack<ChannelOutput<N>>>;
}
