// The command-line tool started from V8's code cache (src/cli/launcher.ts): the cache is used only
// for the exact tool it was made from, and the launcher's output is the tool's own.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import process from 'node:process';
import { Script } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_FILE, codeCacheFor, TOOL_FILE, wrapTool } from '../../src/cli/code-cache';
import { EXAMPLE_VAULT, REPO, TODAY } from './helpers';

const BIN = path.join(REPO, 'bin');
const mtime = (name: string): number => (fs.existsSync(path.join(BIN, name)) ? fs.statSync(path.join(BIN, name)).mtimeMs : Number.NaN);
// A production build: the launcher, and a cache written after the tool (`npm run dev` rebuilds the tool, not the cache).
const built = mtime('job-hunt-advisor.cjs') > 0 && mtime(CACHE_FILE) >= mtime(TOOL_FILE);
const NOTE = path.join(EXAMPLE_VAULT, 'Applications', 'Orchid Labs - Analyst.md');
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function cacheFileOf(tool: Buffer, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(tool.length, 0);
  return Buffer.concat([length, tool, data]);
}

function run(bin: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('which code cache is used', () => {
  const tool = Buffer.from('module.exports = 40 + 2;\n');
  const data = new Script(wrapTool(tool.toString('utf8'))).createCachedData();

  it('the one made from these exact bytes', () => {
    expect(codeCacheFor(tool, cacheFileOf(tool, data))?.equals(data)).toBe(true);
  });

  it('never one made from a tool of the same length with one byte changed (V8 itself would take it)', () => {
    const changed = Buffer.from('module.exports = 40 + 3;\n');
    expect(changed.length).toBe(tool.length);
    expect(codeCacheFor(changed, cacheFileOf(tool, data))).toBeUndefined();
    // What the byte comparison guards against: V8 checks the length of the source, not its text.
    expect(new Script(wrapTool(changed.toString('utf8')), { cachedData: data }).cachedDataRejected).toBe(false);
  });

  it('never an empty, cut short or foreign file', () => {
    expect(codeCacheFor(tool, Buffer.alloc(0))).toBeUndefined();
    expect(codeCacheFor(tool, cacheFileOf(tool, data).subarray(0, 4 + tool.length))).toBeUndefined();
    expect(codeCacheFor(tool, Buffer.from('not a cache at all, just some text'))).toBeUndefined();
  });
});

// Skipped before the first build (a fresh clone); .ci/run runs the tests again after building.
describe.skipIf(!built)('the built launcher', () => {
  it("holds a cache V8 accepts for the built tool, compiled the launcher's way", () => {
    const tool = fs.readFileSync(path.join(BIN, TOOL_FILE));
    const data = codeCacheFor(tool, fs.readFileSync(path.join(BIN, CACHE_FILE)));
    expect(data).toBeDefined();
    expect(new Script(wrapTool(tool.toString('utf8')), { cachedData: data }).cachedDataRejected).toBe(false);
  });

  it('prints what the tool itself prints, for advice, a scan (which loads node:v8) and a bad call', () => {
    for (const args of [['advise', NOTE, '--today', TODAY], ['followups', EXAMPLE_VAULT, '--today', TODAY, '--json'], ['advise', 'x.md', '--today', '2026-13-01']]) {
      const launched = run(path.join(BIN, 'job-hunt-advisor.cjs'), ...args);
      expect(launched).toEqual(run(path.join(BIN, TOOL_FILE), ...args));
    }
  });

  it('runs a changed tool as changed, with the old cache beside it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jha-code-cache-'));
    temps.push(dir);
    for (const name of fs.readdirSync(BIN)) if (name.startsWith('job-hunt-advisor')) fs.copyFileSync(path.join(BIN, name), path.join(dir, name));
    const tool = fs.readFileSync(path.join(dir, TOOL_FILE), 'utf8');
    // A text of the report `advise` prints: its function is in the cache (made by one `advise`).
    expect(tool).toContain('`Note: ${');
    // Same length, so V8 alone would run the cached code of the old text.
    fs.writeFileSync(path.join(dir, TOOL_FILE), tool.replace('`Note: ${', '`NOTE: ${'));
    const r = run(path.join(dir, 'job-hunt-advisor.cjs'), 'advise', NOTE, '--today', TODAY);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('NOTE: Applications/Orchid Labs - Analyst.md');
  });
});
