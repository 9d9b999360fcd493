// Runs every test tier in turn (unit, integration, end-to-end) and ends with one plain line
// "N passed, N failed" over all of them, also written to .artifacts/test-summary.txt.
// With E2E_REQUIRED=1 (CI) a skipped test counts as failed: no tier may be skipped there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artefacts = path.join(root, '.artifacts');
fs.mkdirSync(artefacts, { recursive: true });
const required = process.env.E2E_REQUIRED === '1';

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-web-build.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) {
  finish(0, 1, ['web build failed']);
}

let passed = 0;
let failed = 0;
const notes = [];
for (const tier of ['unit', 'integration', 'e2e']) {
  const report = path.join(artefacts, `vitest-${tier}.json`);
  fs.rmSync(report, { force: true });
  console.log(`\n=== ${tier} tests ===`);
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--project',
      tier,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
  );
  if (!fs.existsSync(report)) {
    failed += 1;
    notes.push(`${tier}: the runner produced no report (exit ${run.status})`);
    continue;
  }
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = result.numPendingTests + result.numTodoTests;
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  // A file that fails to load has no tests to count; count the file.
  const brokenSuites = result.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.length === 0,
  ).length;
  failed += brokenSuites;
  if (result.numTotalTests === 0 && brokenSuites === 0) {
    failed += 1;
    notes.push(`${tier}: no tests ran`);
  }
  if (skipped > 0) {
    if (required) {
      failed += skipped;
      notes.push(`${tier}: ${skipped} skipped, counted as failed because E2E_REQUIRED=1`);
    } else notes.push(`${tier}: ${skipped} skipped (no browser or no TEST_DATABASE_URL here)`);
  }
  if (run.status !== 0 && result.numFailedTests === 0 && brokenSuites === 0) {
    failed += 1;
    notes.push(`${tier}: runner exited ${run.status}`);
  }
}
finish(passed, failed, notes);

function finish(passedCount, failedCount, messages) {
  for (const note of messages) console.log(`note: ${note}`);
  const line = `${passedCount} passed, ${failedCount} failed`;
  fs.writeFileSync(path.join(artefacts, 'test-summary.txt'), `${line}\n`);
  console.log(line);
  process.exit(failedCount > 0 ? 1 : 0);
}
