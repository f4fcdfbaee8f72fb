// Bundled by run.mjs with esbuild (`obsidian` aliased to obsidian-test-mocks), then run on its own:
// node plugin-bench.js <frontmatter.json> <today> <rounds>
// The plugin's vault-wide work over the metadata cache of the synthetic vault, and the work it does
// when one note changes. The host is a stand-in with Obsidian's costs (a map lookup per file cache,
// an index for links), so the figures are the plugin's own, not the mock's linear scans.
import * as fs from 'node:fs';
import process from 'node:process';
import { setImmediate } from 'node:timers';
import { VaultPack } from '../src/obsidian/advice-pack';
import { FollowUpSync } from '../src/obsidian/follow-up-sync';
import { VaultMemory } from '../src/obsidian/memory';
import { readPluginData } from '../src/obsidian/settings';
import { VaultIndex } from '../src/obsidian/vault-index';
import { VaultNotes } from '../src/obsidian/vault-notes';
import { advicePaneState } from '../src/ui/advice-pane-state';

const [file = '', today = '2026-03-09', roundsText = '5'] = process.argv.slice(2);
const rounds = Number(roundsText);
/** @type {{ path: string; frontmatter: Record<string, unknown> | undefined; task: boolean }[]} */
const notes = JSON.parse(fs.readFileSync(file, 'utf8'));

function fileOf(notePath) {
  const name = notePath.slice(notePath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return { path: notePath, name, basename: name.slice(0, dot), extension: name.slice(dot + 1), stat: { ctime: 0, mtime: 0, size: 0 } };
}

const files = notes.map((n) => fileOf(n.path));
const byPath = new Map(files.map((f) => [f.path, f]));
const byName = new Map(files.map((f) => [f.basename, f]));
const caches = new Map(notes.map((n) => [n.path, n.frontmatter ? { frontmatter: n.frontmatter } : {}]));
const app = {
  vault: {
    getMarkdownFiles: () => files,
    getFiles: () => files,
    getFileByPath: (p) => byPath.get(p) ?? null,
    getAbstractFileByPath: (p) => byPath.get(p) ?? null,
  },
  metadataCache: {
    getFileCache: (f) => caches.get(f.path) ?? null,
    getFirstLinkpathDest: (link) => byPath.get(link) ?? byPath.get(`${link}.md`) ?? byName.get(link) ?? null,
  },
};

const { data } = readPluginData(undefined);
// The plugin's one reading of the vault (no packs folder in the synthetic vault: the nine), shared by every index as in the plugin.
const vaultNotes = new VaultNotes(app, new VaultPack(app, { settings: () => data.settings, changed: () => undefined, problem: () => undefined }));
// The one memory of created follow-ups, over the index the draw uses (as the plugin wires it).
const memories = new WeakMap();
const memoryOf = (index) => memories.get(index) ?? memories.set(index, new VaultMemory(app, index)).get(index);
const withIndex = (index) => ({ app, settings: data.settings, memory: memoryOf(index), today, notes: vaultNotes, index });
const sources = withIndex(new VaultIndex(vaultNotes));

function time(run) {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: (used.user + used.system) / 1000, result };
}

const rows = [];
const extra = [];

// The vault-wide lists of the advice pane (due follow-ups, applications waiting too long), from a
// new index each round: the first draw after start-up, a new day or a settings change.
time(() => advicePaneState(null, sources)); // warm-up
const pass = [];
const passCpu = [];
let lists;
for (let i = 0; i < rounds; i += 1) {
  const t = time(() => advicePaneState(null, withIndex(new VaultIndex(vaultNotes))));
  pass.push(t.ms);
  passCpu.push(t.cpuMs);
  lists = t.result;
}
rows.push({ what: `pane first draw, ${files.length.toLocaleString('en-US')} notes, every note read at once (a new index: a draw before the idle build ends)`, unit: 'ms', goal: 50, values: pass });
extra.push(`Pane lists: ${lists?.due.length ?? 0} due follow-ups and ${lists?.waiting.length ?? 0} waiting applications listed (capped at 30 each).`);
const spread = (values) => { const v = [...values].sort((a, b) => a - b); return `${v[Math.floor(v.length / 2)]?.toFixed(1)} ms (${v[0]?.toFixed(1)}–${v[v.length - 1]?.toFixed(1)})`; };
extra.push(`Pane first draw before the idle build, CPU time of the process (not inflated by other processes' turns): ${spread(passCpu)}, rounds in order ${passCpu.map((c) => c.toFixed(0)).join(', ')} ms (the first rounds still compile the code).`);

// The plugin builds the index in idle slices after start-up (VaultIndex.buildInSlices); the pane's
// first draw then finds it ready. Each slice is timed: none should hold the event loop for long.
const afterSlices = [];
const longest = [];
const sliceCounts = [];
const buildTimes = [];
for (let i = 0; i < rounds; i += 1) {
  const index = new VaultIndex(vaultNotes);
  const slices = [];
  let started = process.hrtime.bigint();
  const t0 = started;
  await index.buildInSlices(app, data.settings, today, {
    nextTurn: () => new Promise((resolve) => {
      slices.push(Number(process.hrtime.bigint() - started) / 1e6);
      setImmediate(() => { started = process.hrtime.bigint(); resolve(); });
    }),
  });
  slices.push(Number(process.hrtime.bigint() - started) / 1e6);
  buildTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  longest.push(Math.max(...slices));
  sliceCounts.push(slices.length);
  afterSlices.push(time(() => advicePaneState(null, withIndex(index))).ms);
}
rows.push({ what: `pane first draw, ${files.length.toLocaleString('en-US')} notes, after the index was built in idle slices`, unit: 'ms', goal: 50, values: afterSlices });
const mid = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
extra.push(`Idle build of the pane's index: ${mid(sliceCounts)} slices, the longest ${mid(longest).toFixed(1)} ms (median over ${rounds} builds), ${mid(buildTimes).toFixed(0)} ms from first slice to last on this machine.`);

// One note changes: the metadata cache holds a new object and says so (the plugin's index hears the
// 'changed' event), the follow-up sync looks at that note, and the pane (following that note)
// redraws from advicePaneState with the plugin's index.
const index = new VaultIndex(vaultNotes);
advicePaneState(null, withIndex(index));
const readsBefore = index.reads;
const redraw = [];
// Redraws and updates take a millisecond or so: many of each, the first ones as a warm-up.
const WARM_UP = 10;
const SMALL_ROUNDS = 50;
for (let i = 0; i < WARM_UP + SMALL_ROUNDS; i += 1) {
  const t = time(() => advicePaneState(null, withIndex(index)));
  if (i >= WARM_UP) redraw.push(t.ms);
}
const unchangedReads = index.reads - readsBefore;
data.settings.autoCreate = false; // creating task notes needs a real vault; the change detection is what runs per event
const sync = new FollowUpSync({ notes: vaultNotes, settings: () => data.settings, memory: memoryOf(index), today: () => today, created: () => undefined, problem: () => undefined, askConsent: () => undefined });
const applications = notes.filter((n) => !n.task && n.frontmatter);
const update = [];
const syncOnly = [];
const stageKey = (fm) => Object.keys(fm).find((k) => /stage|status/i.test(k)) ?? 'stage';
for (let i = 0; i < WARM_UP + SMALL_ROUNDS; i += 1) {
  const note = applications[(i * 7919) % applications.length];
  if (!note?.frontmatter) continue;
  const changed = { ...note.frontmatter, [stageKey(note.frontmatter)]: i % 2 ? 'Interviewing' : 'Applied' };
  caches.set(note.path, { frontmatter: changed });
  const target = byPath.get(note.path);
  index.changed(note.path);
  const s = time(() => sync.changed(target));
  const t = time(() => advicePaneState(target, withIndex(index)));
  if (i >= WARM_UP) {
    syncOnly.push(s.ms);
    update.push(s.ms + t.ms);
  }
}
rows.push({ what: 'pane update after one edit (follow-up sync + pane redraw)', unit: 'ms', goal: 1, goalNote: '(incremental, not a re-scan)', values: update });
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]?.toFixed(3);
extra.push(`Of which the follow-up sync's own per-note check: median ${median(syncOnly)} ms; the rest is the pane: the changed note's row, the lists, and the open note's advice and plan.`);
extra.push(`A redraw with nothing changed: median ${median(redraw)} ms, ${unchangedReads} notes read again.`);

process.stdout.write(`${JSON.stringify({ rows, notes: extra })}\n`);
