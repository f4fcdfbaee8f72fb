// Part of `npm run build`: V8's code cache for the command-line tool (bin/job-hunt-advisor-tool.v8cache),
// read by bin/job-hunt-advisor.cjs (src/cli/launcher.ts). Made in a process of its own that compiles
// the tool exactly as the launcher does (src/cli/code-cache.ts: `wrapTool`, the file's layout) and runs one
// `advise` on an example note (a dry run: nothing written), so the cache also holds the functions that
// run compiled on the way. tests/cli/code-cache.test.ts checks that V8 accepts it for the built tool.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOL = path.join(ROOT, 'bin', 'job-hunt-advisor-tool.cjs');
const CACHE = path.join(ROOT, 'bin', 'job-hunt-advisor-tool.v8cache');
const NOTE = path.join(ROOT, 'examples', 'vault', 'Applications', 'Orchid Labs - Analyst.md');

if (process.argv[2] !== '--in-this-process') {
  fs.rmSync(CACHE, { force: true });
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--in-this-process'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`making the tool's code cache failed (exit ${r.status})`);
  process.stdout.write(`  ${path.relative(process.cwd(), CACHE)}  ${(fs.statSync(CACHE).size / 1024).toFixed(1)}kb\n`);
} else {
  const tool = fs.readFileSync(TOOL);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${tool.toString('utf8')}\n})`, { filename: TOOL });
  process.argv = [process.execPath, TOOL, 'advise', NOTE, '--today', '2026-03-09'];
  const toolModule = { exports: {} };
  script.runInThisContext().call(toolModule.exports, toolModule.exports, createRequire(TOOL), toolModule, TOOL, path.dirname(TOOL));
  process.on('exit', (code) => {
    if (code !== 0 || process.exitCode) return;
    const length = Buffer.alloc(4);
    length.writeUInt32LE(tool.length, 0);
    fs.writeFileSync(CACHE, Buffer.concat([length, tool, script.createCachedData()]));
  });
}
