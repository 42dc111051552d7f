// `npm test`: every stage against real parts, in order, with one closing line that counts the tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'wings-test-'));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** @type {{name: string, cmd: string, args: string[], report?: string, kind?: 'vitest' | 'playwright'}[]} */
const stages = [
  { name: 'lint', cmd: npm, args: ['run', 'lint'] },
  { name: 'typecheck', cmd: npm, args: ['run', 'typecheck'] },
  ...['unit', 'dom', 'integration'].map((project) => ({
    name: project,
    cmd: npx,
    args: [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(reports, project + '.json')}`,
    ],
    report: join(reports, `${project}.json`),
    kind: /** @type {const} */ ('vitest'),
  })),
  { name: 'build:web', cmd: npm, args: ['run', 'build:web'] },
  // electron-vite needs only the electron npm package (present when installed with
  // ELECTRON_SKIP_BINARY_DOWNLOAD=1, as CI does), not its binary.
  ...(electronPackagePresent()
    ? [{ name: 'build:electron', cmd: npm, args: ['run', 'build:electron'] }]
    : []),
  {
    name: 'e2e',
    cmd: npx,
    args: ['playwright', 'test'],
    report: join(reports, 'e2e.json'),
    kind: /** @type {const} */ ('playwright'),
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: join(reports, 'e2e.json') },
  },
];

let passed = 0;
let failed = 0;
const failedStages = [];
for (const stage of stages) {
  console.log(`\n=== ${stage.name} ===`);
  const started = Date.now();
  const result = spawnSync(stage.cmd, stage.args, {
    stdio: 'inherit',
    env: { ...process.env, ...(stage.env ?? {}) },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = stage.report && existsSync(stage.report) ? count(stage.kind, stage.report) : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  if (result.status !== 0) {
    failedStages.push(stage.name);
    if (!counts || counts.failed === 0) failed += 1; // a stage that failed without a failing test still counts
  } else if (!counts) {
    passed += 1; // lint, typecheck and build count as one check each
  }
  console.log(`=== ${stage.name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${seconds} s ===`);
}
rmSync(reports, { recursive: true, force: true });

if (failedStages.length) console.log(`\nfailed stages: ${failedStages.join(', ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failedStages.length ? 1 : 0);

function electronPackagePresent() {
  return existsSync(new URL('../node_modules/electron/package.json', import.meta.url));
}

function count(kind, file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (kind === 'vitest') return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
  const stats = report.stats ?? {};
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) };
}
