// Bundled by run.mjs with esbuild (`obsidian` aliased to obsidian-test-mocks), then run on its own:
// node onload-bench.js <runs>   (in the project's folder, for manifest.json)
// Times the plugin's `onload` in the mocked host, with happy-dom as the DOM. The layout is never
// made ready, as at Obsidian's start-up: onload itself should only register things.
import * as fs from 'node:fs';
import process from 'node:process';
import { Window } from 'happy-dom';

// Node's global object, where a browser would have `window`: the DOM is installed on it.
const host = globalThis;

const runs = Number(process.argv[2] ?? '50');

// The DOM globals the mocks and the plugin expect, taken from a happy-dom window.
const window = new Window({ url: 'app://obsidian.md/' });
for (const key of Object.getOwnPropertyNames(window)) {
  if (key in host) continue;
  try {
    host[key] = window[key];
  } catch {
    // a read-only global of Node's own: keep it
  }
}
host.window = window;
host.document = window.document;

// Imported only now: the mocks touch `document` as they load.
const { setup } = await import('obsidian-test-mocks/setup');
setup();
const { App } = await import('obsidian');
const { default: JobHuntAdvisorPlugin } = await import('../src/main');
// run.mjs starts this in the project's folder.
const manifest = JSON.parse(fs.readFileSync('manifest.json', 'utf8'));

const files = {
  'Applications/Orchid Labs – Analyst.md': '---\nstage: Applied\ncompany: Orchid Labs\napplied: 2026-03-01\n---\n',
  'Job hunt tasks/': '',
};

async function once() {
  const app = App.createConfigured__({ files });
  const plugin = new JobHuntAdvisorPlugin(app, manifest);
  const started = process.hrtime.bigint();
  await plugin.onload();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // A fast onload that registered nothing would mean nothing was measured.
  if (plugin.commands__.size === 0 || plugin.views__.size === 0) throw new Error('onload registered no command or view');
  plugin.unload();
  return ms;
}

const first = await once();
const warm = [];
for (let i = 0; i < runs; i += 1) warm.push(await once());
process.stdout.write(`${JSON.stringify({ first, warm })}\n`);
