// @vitest-environment happy-dom
// Issue 9's rename case, in every order: task notes made by the CLI or the plugin, the application
// renamed in Obsidian (which rewrites the task notes' links to it), then "Create follow-up tasks"
// in the plugin and `followups --write` in the CLI, in turn. Nothing is created a second time, and a
// task note deleted after the rename never comes back. The plugin runs in obsidian-test-mocks, the
// CLI on a temporary folder holding the same files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'obsidian-test-mocks/obsidian';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { LEDGER_FOLDER, LEDGER_PATH, parseLedger } from '../../src/core/ledger';
import { ANA, APPLICATION_PATH, file, KESTREL, read, settle, startPlugin, unloadedAfterEach, taskNotes, TODAY } from '../obsidian/harness';
import type { Running } from '../obsidian/harness';

const RENAMED = 'Applications/Kestrel Health (design).md';
const running = unloadedAfterEach();

/** `followups --write` on the folder; the paths it created. */
function cliWrite(dir: string): string[] {
  let stdout = '';
  const code = run(['followups', '.', '--today', TODAY, '--write', '--json'], { stdout: (t) => { stdout += t; }, stderr: () => undefined, cwd: dir, today: () => TODAY });
  expect(code).toBe(0);
  return (JSON.parse(stdout) as { created: string[] }).created;
}

function walk(dir: string, rel = ''): [string, string][] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel === '' ? e.name : `${rel}/${e.name}`;
    return e.isDirectory() ? walk(dir, p) : [[p, fs.readFileSync(path.join(dir, p), 'utf8')] as [string, string]];
  });
}

function diskVault(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jha-rename-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** The folder opened in Obsidian: its notes in the vault, the hidden ledger through the adapter. */
async function openInObsidian(dir: string): Promise<Running> {
  const files = Object.fromEntries(walk(dir).filter(([p]) => !p.startsWith('.')));
  const app = App.createConfigured__({ files });
  const ledger = path.join(dir, LEDGER_PATH);
  if (fs.existsSync(ledger)) {
    await app.vault.adapter.mkdir(LEDGER_FOLDER);
    await app.vault.adapter.write(LEDGER_PATH, fs.readFileSync(ledger, 'utf8'));
  }
  const r = await startPlugin(app, { settings: { autoCreate: false } });
  running.push(r);
  return r;
}

/** The vault as Obsidian left it, back on disk for the CLI. */
async function backToDisk(r: Running): Promise<string> {
  const files: Record<string, string> = {};
  for (const f of r.app.vault.getFiles()) files[f.path] = read(r.app, f.path);
  if (await r.app.vault.adapter.exists(LEDGER_PATH)) files[LEDGER_PATH] = await r.app.vault.adapter.read(LEDGER_PATH);
  return diskVault(files);
}

/** Renames the application as Obsidian does: the file, and every link to it (the task notes' projects). */
async function renameInObsidian(r: Running): Promise<void> {
  await r.app.fileManager.renameFile(file(r.app, APPLICATION_PATH), RENAMED);
  for (const task of taskNotes(r.app)) {
    const text = read(r.app, task.path);
    await r.app.vault.modify(task, text.split(`[[${APPLICATION_PATH.replace(/\.md$/, '')}|`).join(`[[${RENAMED.replace(/\.md$/, '')}|`));
  }
  // The mock's metadata cache is keyed by path: have it read the renamed note again.
  await r.app.vault.modify(file(r.app, RENAMED), read(r.app, RENAMED));
  await settle(r);
}

/** Deletes one task note, then runs the plugin's "Create follow-up tasks" on the renamed application. */
async function deleteOneThenCreate(r: Running): Promise<void> {
  const [gone] = taskNotes(r.app);
  if (!gone) throw new Error('no task note');
  await r.app.fileManager.trashFile(gone);
  await settle(r);
  await r.plugin.createFollowUps(file(r.app, RENAMED));
  await settle(r);
}

const START = { [APPLICATION_PATH]: KESTREL, 'People/Ana Silva.md': ANA };

describe('an application renamed in Obsidian after its task notes were made', () => {
  it('made by the CLI: the plugin\'s "Create follow-up tasks" creates nothing', async () => {
    const dir = diskVault(START);
    const made = cliWrite(dir);
    expect(made.length).toBeGreaterThan(1);
    const r = await openInObsidian(dir);
    expect(taskNotes(r.app)).toHaveLength(made.length);
    await renameInObsidian(r);
    await r.plugin.createFollowUps(file(r.app, RENAMED));
    await settle(r);
    expect(taskNotes(r.app)).toHaveLength(made.length);
  });

  it('made by the plugin: the CLI creates nothing', async () => {
    const r = await openInObsidian(diskVault(START));
    await r.plugin.createFollowUps(file(r.app, APPLICATION_PATH));
    await settle(r);
    const made = taskNotes(r.app).length;
    expect(made).toBeGreaterThan(1);
    await renameInObsidian(r);
    expect(cliWrite(await backToDisk(r))).toEqual([]);
  });

  it('both in turn, with a task note deleted after the rename: nothing new from either, ever', async () => {
    const dir = diskVault(START);
    const made = cliWrite(dir);
    const r = await openInObsidian(dir);
    await renameInObsidian(r);
    await r.plugin.createFollowUps(file(r.app, RENAMED));
    await settle(r);
    expect(taskNotes(r.app)).toHaveLength(made.length);
    // The ledger (the one memory) followed the rename.
    const ledger = parseLedger(await r.app.vault.adapter.read(LEDGER_PATH));
    expect(ledger.some((e) => e.application === RENAMED)).toBe(true);
    await deleteOneThenCreate(r);
    expect(taskNotes(r.app)).toHaveLength(made.length - 1);
    const disk = await backToDisk(r);
    expect(cliWrite(disk)).toEqual([]);
    expect(cliWrite(disk)).toEqual([]);
  });

  it('made by the plugin, renamed, a task note deleted: neither the plugin nor the CLI brings it back', async () => {
    const r = await openInObsidian(diskVault(START));
    await r.plugin.createFollowUps(file(r.app, APPLICATION_PATH));
    await settle(r);
    const made = taskNotes(r.app).length;
    await renameInObsidian(r);
    await deleteOneThenCreate(r);
    expect(taskNotes(r.app)).toHaveLength(made - 1);
    expect(cliWrite(await backToDisk(r))).toEqual([]);
  });

  // The other order: the person deletes a task note first, then renames the application (Obsidian
  // rewrites the remaining task notes' links). The deleted one is still remembered under the old name.
  for (const autoCreate of [false, true]) {
    it(`a task note deleted, then the application renamed (auto-create ${autoCreate ? 'on' : 'off'}): it never comes back, from the plugin or the CLI`, async () => {
      const dir = diskVault(START);
      const made = cliWrite(dir);
      expect(made.length).toBeGreaterThan(1);
      const files = Object.fromEntries(walk(dir).filter(([p]) => !p.startsWith('.')));
      const app = App.createConfigured__({ files });
      await app.vault.adapter.mkdir(LEDGER_FOLDER);
      await app.vault.adapter.write(LEDGER_PATH, fs.readFileSync(path.join(dir, LEDGER_PATH), 'utf8'));
      const r = await startPlugin(app, { settings: { autoCreate } });
      running.push(r);
      const [gone] = taskNotes(r.app);
      if (!gone) throw new Error('no task note');
      const goneTitle = gone.basename;
      await r.app.fileManager.trashFile(gone);
      await settle(r);
      await renameInObsidian(r);
      await r.plugin.createFollowUps(file(r.app, RENAMED));
      await settle(r);
      const left = taskNotes(r.app).map((t) => t.basename);
      expect(left).toHaveLength(made.length - 1);
      expect(left).not.toContain(goneTitle);
      expect(cliWrite(await backToDisk(r))).toEqual([]);
    });
  }

  it('the CLI writes the ledger while the plugin creates task notes: neither loses the other\'s entries', async () => {
    const other = { [APPLICATION_PATH]: KESTREL, 'People/Ana Silva.md': ANA, 'Applications/Orchid Labs.md': '---\nstage: Applied\ncompany: Orchid Labs\nrole: Analyst\napplied: 2026-03-07\nhiring_manager: Cy Oh\n---\n' };
    const dir = diskVault(other);
    const r = await openInObsidian(diskVault({ [APPLICATION_PATH]: KESTREL, 'People/Ana Silva.md': ANA }));
    // The CLI's run on the same vault (through sync, say) writes its ledger just as the plugin
    // creates its first task note; the plugin must read it again before writing its own.
    const cliMade = cliWrite(dir).filter((p) => !p.includes('Kestrel'));
    expect(cliMade.length).toBeGreaterThan(0);
    const cliLedger = fs.readFileSync(path.join(dir, LEDGER_PATH), 'utf8');
    const cliIds = parseLedger(cliLedger).filter((e) => !e.application.includes('Kestrel')).map((e) => e.id);
    const create = r.app.vault.create.bind(r.app.vault);
    let once = false;
    r.app.vault.create = async (...args: Parameters<typeof create>) => {
      if (!once) {
        once = true;
        await r.app.vault.adapter.mkdir(LEDGER_FOLDER).catch(() => undefined);
        await r.app.vault.adapter.write(LEDGER_PATH, JSON.stringify({ created: parseLedger(cliLedger).filter((e) => cliIds.includes(e.id)) }));
      }
      return create(...args);
    };
    await r.plugin.createFollowUps(file(r.app, APPLICATION_PATH));
    await settle(r);
    expect(once).toBe(true);
    const ids = parseLedger(await r.app.vault.adapter.read(LEDGER_PATH)).map((e) => e.id);
    for (const id of cliIds) expect(ids).toContain(id);
    expect(ids.length).toBe(cliIds.length + taskNotes(r.app).length);
  });
});
