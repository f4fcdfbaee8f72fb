// Bundled by run.mjs with esbuild (it imports the TypeScript core directly), then run on its own:
// node core-bench.js <frontmatter.json> <today> <rounds>
// Times the core's whole job for one application: read the parsed frontmatter, advise, plan the
// follow-ups. One call per note of the synthetic vault, timed call by call after a warm-up pass.
import * as fs from 'node:fs';
import process from 'node:process';
import { adviseOn } from '../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../src/core/settings';

const [file = '', today = '2026-03-09', roundsText = '5'] = process.argv.slice(2);
/** @type {{ path: string; frontmatter: unknown; task: boolean }[]} */
const notes = JSON.parse(fs.readFileSync(file, 'utf8')).filter((n) => !n.task);

let followUps = 0;
let applications = 0;
function once(note) {
  const advised = adviseOn({ path: note.path, frontmatter: note.frontmatter }, today, DEFAULT_SETTINGS);
  if (advised.kind !== 'advice') return;
  applications += 1;
  followUps += advised.followUps.length;
}

for (const note of notes) once(note); // warm-up: let the JIT see every shape of note first
const perRound = [];
const samples = new Float64Array(notes.length);
for (let round = 0; round < Number(roundsText); round += 1) {
  applications = 0;
  followUps = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < notes.length; i += 1) {
    const started = process.hrtime.bigint();
    once(notes[i]);
    samples[i] = Number(process.hrtime.bigint() - started) / 1000;
  }
  const { user, system } = process.cpuUsage(cpu);
  const sorted = Array.from(samples).sort((a, b) => a - b);
  perRound.push({
    medianMicros: sorted[Math.floor(sorted.length / 2)] ?? 0,
    p99Micros: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
    meanMicros: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
    // CPU time, unlike wall time, does not count the moments other processes had the core.
    cpuMicros: (user + system) / notes.length,
  });
}
process.stdout.write(`${JSON.stringify({ notes: notes.length, applications, followUps, perRound })}\n`);
