// `npm test`: every project's tests through Nx, then one closing line for the whole workspace.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const results = path.join(root, 'tmp/test-results');
fs.rmSync(results, { recursive: true, force: true });

const nx = spawnSync(
  process.execPath,
  [require.resolve('nx/bin/nx.js'), 'run-many', '-t', 'test', '--outputStyle=stream', '--parallel=1', '--skipNxCache', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
);

const totals = { passed: 0, failed: 0, skipped: 0 };
const files = fs.existsSync(results) ? fs.readdirSync(results) : [];
for (const file of files) {
  const counts = JSON.parse(fs.readFileSync(path.join(results, file), 'utf8'));
  for (const key of Object.keys(totals)) totals[key] += counts[key];
}
const status = nx.status ?? 1;
if (status !== 0 && totals.failed === 0) totals.failed = 1; // a project that failed before Jest reported still fails the run
process.stdout.write(`\nchidao: ${files.length} projects\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(status);
