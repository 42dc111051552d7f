// `npm run bench`: prints figures, asserts nothing. Each bench is a function so more can be added here.
import { runHubBench } from './hub.bench';
import { runScanCostBench } from './scan-cost';

const started = Date.now();
await runHubBench();
await runScanCostBench();
await (await import('./text-entry.bench')).runTextEntryBench();
await (await import('./suggest-replies.bench')).runSuggestRepliesBench();
await (await import('./queue-view.bench')).runQueueViewBench();
await (await import('./chat.bench')).runChatBench();
console.log(`\nbench done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
