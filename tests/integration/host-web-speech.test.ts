import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { espeakEngine } from '../../electron/host/speech-engines';
import { readPcmWav } from '../../electron/host/wav';
import { mountBridge } from '../../electron/web/bridge-namespace';
import { webBridgeNamespace } from '../../shared/bridge';
import { hostFixture, type HostFixture } from '../unit/host-fixture';

/** Web mode serves the same dispatcher on `/bridge`: the teleprompter's channels work over it as over IPC. */
let fixture: HostFixture | null = null;
let http: HttpServer | null = null;
let io: Server | null = null;
let client: Socket | null = null;
afterEach(async () => {
  client?.close();
  await io?.close();
  http?.close();
  fixture?.cleanup();
  client = null;
  io = null;
  http = null;
  fixture = null;
});

const token = 'a'.repeat(43);

async function webBridge(): Promise<Socket> {
  fixture = hostFixture();
  const services = fixture.open({ speech: { engine: espeakEngine() } });
  http = createServer();
  io = new Server(http);
  mountBridge(io, { token, services });
  await new Promise<void>((resolve) => http?.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  client = connect(`http://127.0.0.1:${port}${webBridgeNamespace}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    client?.once('connect', resolve);
    client?.once('connect_error', reject);
  });
  return client;
}

function call(socket: Socket, name: string, input: unknown): Promise<unknown> {
  return socket.timeout(15_000).emitWithAck('call', name, input);
}

describe('the teleprompter channels over the web bridge', { timeout: 30_000 }, () => {
  it('lists voices, renders a long line, and answers held: false for the display', async () => {
    const socket = await webBridge();
    expect(await call(socket, 'speech.voices', {})).toEqual({
      ok: true,
      data: { engine: 'espeak-ng', languages: ['en', 'zh-CN'] },
    });
    // About a megabyte of base64: the largest a 200-character sentence makes at a slow rate.
    const text = '亲爱的家人们，这是我们自己果园种的融安金桔，皮薄肉厚，甜中带一点点酸，连皮一起吃。'.repeat(
      4,
    );
    const answer = (await call(socket, 'speech.render', { text, language: 'zh-CN', rate: 100 })) as {
      ok: boolean;
      data: { wavBase64: string; durationMs: number };
    };
    expect(answer.ok).toBe(true);
    const wav = readPcmWav(Buffer.from(answer.data.wavBase64, 'base64'));
    expect(wav.durationMs).toBe(answer.data.durationMs);
    expect(answer.data.durationMs).toBeGreaterThan(20_000);
    expect(await call(socket, 'power.keepAwake', { on: true })).toEqual({ ok: true, data: { held: false } });
  });
});
