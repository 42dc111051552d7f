// `npm run bench`: prints figures, asserts nothing. Each bench is a function so more can be added here.
//   npm run bench                 every bench, in this order
//   npm run bench -- live chat    only those whose name contains one of the words
//   npm run bench -- --list       the names, running nothing
export {};

const benches: { name: string; run: () => Promise<void> }[] = [
  { name: 'hub', run: async () => (await import('./hub.bench')).runHubBench() },
  { name: 'scan-cost', run: async () => (await import('./scan-cost')).runScanCostBench() },
  { name: 'text-entry', run: async () => (await import('./text-entry.bench')).runTextEntryBench() },
  {
    name: 'suggest-replies',
    run: async () => (await import('./suggest-replies.bench')).runSuggestRepliesBench(),
  },
  { name: 'queue-view', run: async () => (await import('./queue-view.bench')).runQueueViewBench() },
  { name: 'chat', run: async () => (await import('./chat.bench')).runChatBench() },
  {
    name: 'shifts-dashboard',
    run: async () => (await import('./shifts-dashboard.bench')).runShiftsDashboardBench(),
  },
  // Need the mediasoup worker (MEDIASOUP_WORKER_BIN where the prebuilt one is missing) and Chromium.
  { name: 'live-latency', run: async () => (await import('./live-latency.bench')).runLiveLatencyBench() },
  { name: 'live-cpu', run: async () => (await import('./live-cpu.bench')).runLiveCpuBench() },
];

const args = process.argv.slice(2);
const words = args.filter((a) => !a.startsWith('--'));
const chosen = benches.filter((b) => words.length === 0 || words.some((w) => b.name.includes(w)));
if (args.includes('--list')) {
  for (const b of chosen) console.log(b.name);
  process.exit(0);
}

const started = Date.now();
for (const bench of chosen) await bench.run();
console.log(`\nbench done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
