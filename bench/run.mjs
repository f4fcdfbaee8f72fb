// `npm run bench`: builds, generates a synthetic 10,000-note vault in a temporary folder, measures
// the CLI, the core and the plugin against floors measured in the same run, prints one table and
// writes it to bench/results.md. The machines are shared and noisy: floors and measured runs are
// interleaved, and every figure is a median with its min and max.
//
// Environment: BENCH_NOTES (default 10000), BENCH_RUNS (default 5, for the long runs),
// BENCH_GROWTH (default 1000,20000: the other vault sizes of the growth row), BENCH_KEEP=1 keeps
// the temporary folder, BENCH_ONLY=core,plugin measures only the rows whose function is named (a
// quick check while optimising: the table is printed, results.md left alone).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { BENCH_TODAY, TASKS_FOLDER, generateVault } from './generate-vault.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const CLI = path.join(ROOT, 'bin', 'job-hunt-advisor.cjs');
const MAIN_JS = path.join(ROOT, 'main.js');
const OBSIDIAN_MOCK = path.join(ROOT, 'node_modules/obsidian-test-mocks/dist/lib/esm/obsidian/index.mjs');
const NOTES = Number(process.env.BENCH_NOTES ?? 10000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const QUICK_RUNS = 3 * RUNS;
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : undefined;
const GROWTH = (process.env.BENCH_GROWTH ?? '1000,20000').split(',').map(Number).filter((n) => n > 0);
// The same js-yaml build as the floor and the CLI: the CommonJS one.
const { CORE_SCHEMA, load } = createRequire(import.meta.url)('js-yaml');

const log = (text) => process.stderr.write(`${text}\n`);

/** A row we could not measure: the table says why instead of a number. */
class NotMeasured extends Error {}

function firstLine(text) {
  return String(text ?? '').trim().split('\n')[0] ?? '';
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median: median ?? 0, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, runs: sorted.length };
}

function round(value) {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function ms(s) {
  return s.median >= 1000
    ? `${round(s.median / 1000)} s (${round(s.min / 1000)}–${round(s.max / 1000)})`
    : `${round(s.median)} ms (${round(s.min)}–${round(s.max)})`;
}

function withUnit(s, unit) {
  return `${round(s.median)} ${unit} (${round(s.min)}–${round(s.max)})`;
}

/** Runs `node <args>`; its wall time in ms, its output when asked, its peak memory with `rss`. */
function node(args, { capture = false, rss = false, work } = {}) {
  const rssFile = rss ? path.join(work, `rss-${process.hrtime.bigint()}`) : undefined;
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, rss ? ['--import', pathToFileURL(path.join(BENCH, 'rss.mjs')).href, ...args] : args, {
    cwd: ROOT,
    stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: rss ? { ...process.env, JHA_BENCH_RSS_FILE: rssFile } : process.env,
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new NotMeasured(`\`node ${args.map((a) => path.basename(a)).join(' ')}\` exited with ${result.status}: ${firstLine(result.stderr || result.error?.message)}`);
  }
  const rssKB = rssFile ? Number(fs.readFileSync(rssFile, 'utf8')) : undefined;
  return { ms: elapsed, stdout: result.stdout ?? '', stderr: result.stderr ?? '', rssKB };
}

/** Floor and measured commands, run alternately so both see the same machine load. */
function interleave(floorArgs, measuredArgs, runs, options, warm = true) {
  if (warm) {
    node(floorArgs, options); // warm-up: file cache, lazy compilation caches
    node(measuredArgs, options);
  }
  const floor = [];
  const measured = [];
  for (let i = 0; i < runs; i += 1) {
    floor.push(node(floorArgs, options));
    measured.push(node(measuredArgs, options));
  }
  return { floor, measured };
}

async function bundle(entry, outfile, extra = {}) {
  try {
    await esbuild.build({
      entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20',
      // CommonJS packages inside an ES module bundle still `require` Node's own modules.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'silent', ...extra,
    });
  } catch (error) {
    const message = error?.errors?.[0]?.text ?? firstLine(error?.message);
    throw new NotMeasured(`could not bundle ${path.basename(entry)}: ${message}`);
  }
  return outfile;
}

function gitCommit() {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** CPU ms for a fixed loop of 10^8 additions: tells a reader how fast this (shared) machine was today. */
function referenceLoop() {
  const cpu = process.cpuUsage();
  let sum = 0;
  for (let i = 0; i < 1e8; i += 1) sum += i;
  const { user, system } = process.cpuUsage(cpu);
  return sum > 0 ? (user + system) / 1000 : 0;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    load: os.loadavg().map((l) => l.toFixed(2)).join(', '),
    reference: referenceLoop(),
  };
}

/**
 * The parsed frontmatter of every note, as Obsidian's metadata cache holds it (dates stay strings);
 * `task` marks the notes of the tasks folder, which the core bench leaves out.
 */
function writeFrontmatterJson(vault, out) {
  const notes = [];
  const walk = (dir, task) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) walk(full, task || entry.name === TASKS_FOLDER);
      } else if (entry.name.endsWith('.md')) {
        const text = fs.readFileSync(full, 'utf8');
        const end = text.indexOf('\n---', 3);
        const frontmatter = text.startsWith('---') && end > 0 ? load(text.slice(4, end), { schema: CORE_SCHEMA }) : undefined;
        notes.push({ path: path.relative(vault, full).split(path.sep).join('/'), frontmatter, task });
      }
    }
  };
  walk(vault, false);
  fs.writeFileSync(out, JSON.stringify(notes));
  return notes.length;
}

// ---- the rows ------------------------------------------------------------------------------------

function requireFile(file, what) {
  if (!fs.existsSync(file)) throw new NotMeasured(`${what} is not built yet (${path.relative(ROOT, file)} missing)`);
}

/** The CLI's dry-run scan of `vault` against the read + YAML floor, alternating; with peak memory. */
function scanAgainstFloor(ctx, vault, runs) {
  const cliArgs = [CLI, 'followups', vault, '--today', BENCH_TODAY, '--json'];
  // One checked run first: the scan must really plan follow-ups, or its speed means nothing.
  const check = node(cliArgs, { capture: true });
  const planned = JSON.parse(check.stdout);
  const followUps = Array.isArray(planned.followUps) ? planned.followUps.length : 0;
  const problems = check.stderr.trim() === '' ? 0 : check.stderr.trim().split('\n').length;
  if (followUps === 0) throw new NotMeasured('the CLI planned no follow-ups over the vault');
  // The checked run above already warmed the file cache for both: no separate warm-up for these long runs.
  const { floor, measured } = interleave([path.join(BENCH, 'floor-read-yaml.mjs'), vault, TASKS_FOLDER], cliArgs, runs, { rss: true, work: ctx.work }, false);
  const f = stats(floor.map((r) => r.ms));
  const m = stats(measured.map((r) => r.ms));
  // The ratio of each alternating pair, then their median: both saw the same moment of a shared machine.
  const ratio = stats(measured.map((r, i) => r.ms / (floor[i]?.ms ?? r.ms)));
  return { f, m, ratio, followUps, problems, fRss: stats(floor.map((r) => r.rssKB / 1024)), mRss: stats(measured.map((r) => r.rssKB / 1024)) };
}

function cliScan(ctx) {
  requireFile(CLI, 'the CLI');
  const { f, m, ratio, followUps, problems, fRss, mRss } = scanAgainstFloor(ctx, ctx.vault, RUNS);
  ctx.scanRatio = ratio.median;
  ctx.notes.push(`CLI scan: ${followUps} follow-ups planned, ${problems} lines on stderr (notes reported as unreadable or with warnings).`);
  return [
    {
      what: `CLI \`followups\` over ${NOTES.toLocaleString('en-US')} notes (no write)`,
      floor: `${ms(f)} read + js-yaml (CommonJS build)`, measured: ms(m),
      goal: `${ratio.median.toFixed(2)}x (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}; goal ≤ 1.5x, stretch ≤ 1.2x)`, pass: ratio.median <= 1.5,
    },
    {
      what: `peak RSS, ${NOTES.toLocaleString('en-US')}-note scan with \`--json\``,
      floor: withUnit(fRss, 'MB'), measured: withUnit(mRss, 'MB'), goal: '≤ 120 MB', pass: mRss.median <= 120,
    },
  ];
}

/** The scan's ratio to its floor on smaller and larger vaults than the main one: it should not grow. */
function growth(ctx) {
  requireFile(CLI, 'the CLI');
  const ratios = [];
  for (const notes of GROWTH) {
    log(`  generating ${notes} notes ...`);
    const vault = generateVault({ notes, root: path.join(ctx.work, `vault-${notes}`) });
    const { ratio } = scanAgainstFloor(ctx, vault.dir, Math.max(3, Math.ceil(RUNS / 2)));
    ratios.push({ notes, ratio: ratio.median });
    fs.rmSync(vault.dir, { recursive: true, force: true });
  }
  if (ctx.scanRatio !== undefined) ratios.push({ notes: NOTES, ratio: ctx.scanRatio });
  ratios.sort((a, b) => a.notes - b.notes);
  if (ratios.length < 2) throw new NotMeasured('needs two vault sizes');
  const values = ratios.map((r) => r.ratio);
  const spread = Math.max(...values) / Math.min(...values);
  return [{
    what: 'growth: the CLI scan\'s ratio to its floor by vault size',
    floor: '', measured: ratios.map((r) => `${r.ratio.toFixed(2)}x at ${r.notes.toLocaleString('en-US')}`).join(', '),
    goal: `largest / smallest ratio ${spread.toFixed(2)} (goal flat: ≤ 1.15)`, pass: spread <= 1.15,
  }];
}

function cliAdvise(ctx) {
  requireFile(CLI, 'the CLI');
  const { floor, measured } = interleave(['-e', ''], [CLI, 'advise', ctx.sample, '--today', BENCH_TODAY], QUICK_RUNS, {});
  const f = stats(floor.map((r) => r.ms));
  const m = stats(measured.map((r) => r.ms));
  const ratio = m.median / f.median;
  return [{ what: 'one CLI `advise`', floor: `${ms(f)} bare \`node -e ''\``, measured: ms(m), goal: `${ratio.toFixed(2)}x (goal ≤ 1.4x)`, pass: ratio <= 1.4 }];
}

async function core(ctx) {
  const script = await bundle(path.join(BENCH, 'core-bench.mjs'), path.join(ctx.work, 'core-bench.mjs'));
  const result = JSON.parse(node([script, ctx.frontmatterJson, BENCH_TODAY, String(RUNS)], { capture: true }).stdout);
  const median = stats(result.perRound.map((r) => r.medianMicros));
  const mean = stats(result.perRound.map((r) => r.meanMicros));
  const p99 = stats(result.perRound.map((r) => r.p99Micros));
  const cpu = stats(result.perRound.map((r) => r.cpuMicros));
  const hand = result.hand;
  if (hand.differ > 0) throw new NotMeasured(`the hand-written loop differs from the core on ${hand.differ} notes (first: ${hand.firstDiffer})`);
  const handMedian = stats(hand.perRound.map((r) => r.medianMicros));
  // The ratio of each round's medians: the core and the loop alternate round by round.
  const ratio = stats(result.perRound.map((r, i) => r.medianMicros / (hand.perRound[i]?.medianMicros ?? r.medianMicros)));
  ctx.notes.push(`Core: ${result.applications} of ${result.notes} notes read as applications, ${result.followUps} follow-ups planned per pass; per call mean ${round(mean.median)} µs, 99th percentile ${round(p99.median)} µs; CPU time per call (mean, not inflated by other processes) ${withUnit(cpu, 'µs')}. The hand-written loop (bench/core-bench.mjs) planned the same ${hand.followUps} follow-ups, the same id, kind, due date and title on every note, without writing their reasons or drafts; CPU per call ${withUnit(stats(hand.perRound.map((r) => r.cpuMicros)), 'µs')}.`);
  return [{
    what: 'the core: read, advise and plan one application from parsed frontmatter',
    floor: `${withUnit(handMedian, 'µs')} hand-written loop`, measured: withUnit(median, 'µs'),
    goal: `${ratio.median.toFixed(2)}x (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}; goal ≤ 1.5x, and ≤ 20 µs median)`, pass: median.median <= 20 && ratio.median <= 1.5,
  }];
}

async function plugin(ctx) {
  const script = await bundle(path.join(BENCH, 'plugin-bench.mjs'), path.join(ctx.work, 'plugin-bench.mjs'), {
    alias: { obsidian: OBSIDIAN_MOCK },
  });
  const result = JSON.parse(node([script, ctx.frontmatterJson, BENCH_TODAY, String(RUNS)], { capture: true }).stdout);
  const rows = [];
  for (const row of result.rows) {
    const s = stats(row.values);
    rows.push({ what: row.what, floor: '', measured: withUnit(s, row.unit), goal: `≤ ${row.goal} ${row.unit}${row.goalNote ? ` ${row.goalNote}` : ''}`, pass: s.median <= row.goal });
  }
  for (const note of result.notes ?? []) ctx.notes.push(note);
  return rows;
}

async function onload(ctx) {
  const script = await bundle(path.join(BENCH, 'onload-bench.mjs'), path.join(ctx.work, 'onload-bench.mjs'), {
    alias: { obsidian: OBSIDIAN_MOCK },
  });
  const result = JSON.parse(node([script, String(10 * RUNS)], { capture: true }).stdout);
  const s = stats(result.warm);
  ctx.notes.push(`Plugin onload: the first call in a fresh process (code not yet compiled) took ${round(result.first)} ms; the mock wraps every object in a checking proxy, so real Obsidian is faster.`);
  return [{ what: 'plugin `onload` in the mocked host', floor: '', measured: withUnit(s, 'ms'), goal: '≤ 2 ms (registrations only)', pass: s.median <= 2 }];
}

async function mainJsSize() {
  requireFile(MAIN_JS, 'the plugin');
  const text = fs.readFileSync(MAIN_JS);
  const kb = text.length / 1000;
  // The floor: the knowledge alone (every expert's words, stances and advice), minified as main.js is.
  const knowledge = await esbuild.build({
    stdin: { contents: "export * from './src/core/knowledge';", resolveDir: ROOT, loader: 'ts' },
    bundle: true, write: false, format: 'cjs', platform: 'browser', target: 'es2020', minify: true, logLevel: 'silent',
  });
  const floor = knowledge.outputFiles[0].contents.length / 1000;
  return [{
    what: '`main.js` size, minified',
    floor: `${floor.toFixed(1)} KB the knowledge alone, minified`,
    measured: `${kb.toFixed(1)} KB (${(gzipSync(text).length / 1000).toFixed(1)} KB gzipped)`,
    goal: `${(kb / floor).toFixed(2)}x the knowledge (goal ≤ 60 KB)`, pass: kb <= 60,
  }];
}

// ---- the report ----------------------------------------------------------------------------------

const ROWS = [
  { what: 'CLI `followups` over the vault (no write)', goal: '≤ 1.5x', measure: cliScan, also: 'peak RSS of the CLI scan with `--json`' },
  { what: 'one CLI `advise`', goal: '≤ 1.4x', measure: cliAdvise },
  { what: 'the core: read, advise and plan one application', goal: '≤ 20 µs median, ≤ 1.5x a hand-written loop', measure: core },
  { what: 'pane first draw and the update after one edit', goal: '≤ 50 ms, ≤ 1 ms', measure: plugin },
  { what: 'plugin `onload` in the mocked host', goal: '≤ 2 ms', measure: onload },
  { what: '`main.js` size, minified', goal: '≤ 60 KB', measure: mainJsSize },
  { what: 'growth: the CLI scan\'s ratio to its floor by vault size', goal: 'flat', measure: growth },
];

function table(rows) {
  const lines = ['| what | floor | measured | ratio or goal | result |', '|---|---|---|---|---|'];
  for (const r of rows) {
    const result = r.pass === undefined ? `not measured: ${r.note ?? ''}` : r.pass ? 'pass' : '**miss**';
    lines.push(`| ${r.what} | ${r.floor || '—'} | ${r.measured} | ${r.goal} | ${result} |`);
  }
  return lines.join('\n');
}

function writeResults(report) {
  const file = path.join(BENCH, 'results.md');
  const START = '<!-- bench:start (written by `npm run bench`; edit outside these markers) -->';
  const END = '<!-- bench:end -->';
  const block = `${START}\n${report}\n${END}`;
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const from = old.indexOf(START);
  const to = old.indexOf(END);
  const text = from >= 0 && to > from
    ? `${old.slice(0, from)}${block}${old.slice(to + END.length)}`
    : `# Benchmark results\n\n${block}\n`;
  fs.writeFileSync(file, text);
}

async function main() {
  const started = performance.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jha-bench-'));
  const m = machine();
  try {
    log(`Generating ${NOTES} application notes in ${work} ...`);
    const vault = generateVault({ notes: NOTES, root: path.join(work, 'vault') });
    const frontmatterJson = path.join(work, 'frontmatter.json');
    writeFrontmatterJson(vault.dir, frontmatterJson);
    const ctx = { work, vault: vault.dir, sample: vault.sample, frontmatterJson, notes: [] };

    const rows = [];
    for (const row of ROWS) {
      if (ONLY && !ONLY.includes(row.measure.name)) continue;
      log(`Measuring ${row.what} ...`);
      try {
        rows.push(...(await row.measure(ctx)));
      } catch (error) {
        if (!(error instanceof NotMeasured)) throw error;
        rows.push({ what: row.what, floor: '', measured: '—', goal: row.goal, note: error.message });
        if (row.also) rows.push({ what: row.also, floor: '', measured: '—', goal: '', note: 'see above' });
      }
    }

    const minutes = ((performance.now() - started) / 60000).toFixed(1);
    const report = [
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${gitCommit()}.`,
      '',
      `Machine: ${m.cpu}, ${m.cores} cores, ${m.memory}, ${m.os}, Node ${m.node}; load average at start ${m.load}; ` +
        `reference loop (10^8 additions) ${round(m.reference)} ms of CPU; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}.`,
      ...(Math.max(Number(m.load.split(', ')[0]), os.loadavg()[0] ?? 0) > m.cores
        ? ['', `**Loaded machine:** the load average was above the ${m.cores} cores (other processes ran beside the bench), so absolute times are inflated and noisy; the ratios, each measured against a floor run alternately with it, are the figures to compare.`]
        : []),
      '',
      `Vault: ${vault.notes.toLocaleString('en-US')} application notes and ${vault.tasks.toLocaleString('en-US')} task notes, ` +
        `${(vault.bytes / 1e6).toFixed(1)} MB, generated from a fixed seed by \`bench/generate-vault.mjs\`; today = ${BENCH_TODAY}.`,
      '',
      table(rows),
      '',
      `Figures: median (min–max). Process rows: ${RUNS} runs (${QUICK_RUNS} for \`advise\`) after a warm-up run, ` +
        'alternating with the floor; a ratio is the median of the ratios of each alternating pair. Growth row: the same scan and floor on vaults of other sizes. Core and plugin rows: one figure per round over the whole vault, after a warm-up round. ' +
        `The whole bench took ${minutes} min.`,
      '',
      ...ctx.notes.map((n) => `- ${n}`),
    ].join('\n');
    process.stdout.write(`\n${table(rows)}\n\n`);
    if (ONLY) process.stdout.write(`${ctx.notes.map((n) => `- ${n}`).join('\n')}\n`);
    else {
      writeResults(report);
      log(`Written to bench/results.md (${minutes} min).`);
    }
  } finally {
    if (process.env.BENCH_KEEP === '1') log(`Kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
