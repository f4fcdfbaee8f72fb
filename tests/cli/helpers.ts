// Shared by the CLI tests: a temporary copy of the demo vault, and run() with captured output.
import type { Buffer } from 'node:buffer';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLE_VAULT = path.join(REPO, 'examples', 'vault');
/** The demo's fixed day. */
export const TODAY = '2026-03-09';

/** A fresh folder in the system's temporary folder; `files` maps relative paths to their text. */
export function tempVault(files: Record<string, string | Buffer> = {}, copyExample = false): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jha-cli-'));
  if (copyExample) fs.cpSync(EXAMPLE_VAULT, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command-line tool in-process, from `cwd`, on a fixed clock day. */
export function cli(cwd: string, ...argv: string[]): Ran {
  let stdout = '';
  let stderr = '';
  const code = run(argv, {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    cwd,
    today: () => '2026-03-10',
  });
  return { code, stdout, stderr };
}

/** Every file below `dir` with its bytes, to prove a run changed nothing. */
export function snapshotFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), fs.readFileSync(full).toString('base64'));
    }
  };
  walk(dir);
  return files;
}
