// Run by hub.bench.ts in a process of its own, so the flood's client-side
// work (encoding 5,000 emits, parsing 5,000 answers) does not land in the
// event loop that times the other user's requests.
//   node --import tsx tests/bench/flood-client.ts <hub url> <count>
// Prints `connected`, then fires <count> team.post without waiting, then one
// JSON line: how the posts were answered.
import { v7 as uuidv7 } from 'uuid';
import { connect, login } from '../support/hub-client';

const [url, countArg] = process.argv.slice(2);
if (!url || !countArg) throw new Error('usage: flood-client.ts <hub url> <count>');
const count = Number(countArg);

const socket = await connect(url, (await login(url, 'agent', 'wings-demo')).token);
console.log('connected');
const answers: Record<string, number> = {};
const started = performance.now();
await Promise.all(
  Array.from({ length: count }, (_, i) =>
    socket
      .timeout(120_000)
      .emitWithAck('team.post', { id: uuidv7(), body: `flood ${i}` })
      .then(
        (a: { ok: boolean; error?: { code: string } }) => (a.ok ? 'ok' : (a.error?.code ?? 'error')),
        () => 'timeout',
      )
      .then((code: string) => {
        answers[code] = (answers[code] ?? 0) + 1;
      }),
  ),
);
console.log(JSON.stringify({ answers, wallMs: performance.now() - started }));
socket.close();
process.exit(0);
