// The built command-line tool, as a real process: bundled exactly as esbuild.config.mjs does it,
// into a temporary file so a build here never races with `npm run build`.
import process from 'node:process';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_VAULT, REPO, snapshotFiles, TODAY } from './helpers';

let outDir: string;
let bin: string;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jha-bin-'));
  bin = path.join(outDir, 'job-hunt-advisor.cjs');
  await build({
    entryPoints: [path.join(REPO, 'src/cli/main.ts')],
    bundle: true,
    outfile: bin,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    minify: true,
    logLevel: 'silent',
  });
}, 60_000);
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

function node(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/job-hunt-advisor.cjs', () => {
  it('runs the demo on the example vault as a dry run', () => {
    const before = snapshotFiles(EXAMPLE_VAULT);
    const r = node(REPO, 'followups', 'examples/vault', '--today', TODAY, '--details');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Orchid Labs');
    expect(r.stdout).toContain('Dry run: nothing written');
    expect(snapshotFiles(EXAMPLE_VAULT)).toEqual(before);
  });

  it("reads the example vault's advice pack: its mentor turns one verdict, --no-packs turns it back", () => {
    const note = 'examples/vault/Applications/Copperleaf Energy - Sales Engineer.md';
    const withPack = node(REPO, 'advise', note, '--today', TODAY);
    expect(withPack.stderr).toBe('');
    expect(withPack.stdout).toContain('Connect with Hannah Brooks on LinkedIn? Not yet.');
    expect(withPack.stdout.replace(/\s+/g, ' ')).toContain('Inès Moreau (your pack) speaks to this moment and would wait');
    const without = node(REPO, 'advise', note, '--today', TODAY, '--no-packs');
    expect(without.stdout).toContain('Connect with Hannah Brooks on LinkedIn? Yes, it may help.');
    expect(without.stdout).not.toContain('Inès Moreau');
  });

  it('exits 2 with one line, never a stack trace, on a bad call', () => {
    const r = node(REPO, 'advise', 'x.md', '--today', '2026-13-01');
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.split('\n')[0]).toBe('job-hunt-advisor: --today "2026-13-01" is not a calendar date (YYYY-MM-DD)');
  });

  it('never runs a ---js note, as a real process', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jha-binjs-'));
    const trace = path.join(dir, 'ran.txt');
    fs.writeFileSync(path.join(dir, 'Evil.md'), `---javascript\nrequire('fs').writeFileSync(${JSON.stringify(trace)}, 'ran'); ({ stage: 'Applied' })\n---\n`);
    const r = node(dir, 'advise', 'Evil.md', '--write');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Evil\.md: front matter in javascript is not read/);
    expect(fs.existsSync(trace)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
