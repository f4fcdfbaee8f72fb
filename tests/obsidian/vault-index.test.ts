// @vitest-environment happy-dom
// The pane's vault-wide lists from the index kept between draws must be exactly what a fresh read
// of every note gives, after any run of edits, renames, deletions, new notes and new days; and a
// draw with nothing changed must read no note again.
import fc from 'fast-check';
import type { App, CachedMetadata } from 'obsidian';
import { describe, expect, it, vi } from 'vitest';
import { VaultMemory } from '../../src/obsidian/memory';
import { defaultSettings } from '../../src/core/settings';
import { VaultIndex } from '../../src/obsidian/vault-index';
import { advicePaneState } from '../../src/ui/advice-pane-state';
import { APPLICATION_PATH, file, makeApp, read, settle, startPlugin, taskNotes, TODAY, vaultNotes } from './harness';
import { runs } from '../stress';

/**
 * A host with Obsidian's behaviour as far as the index sees it: a note's cached metadata is a new
 * object whenever the note changes. Counts how often a note's metadata is asked for.
 */
interface NoteFile {
  path: string;
  name: string;
  basename: string;
  extension: string;
}

class Host {
  readonly files = new Map<string, NoteFile>();
  readonly caches = new Map<string, CachedMetadata>();
  lookups = 0;
  readonly app = {
    vault: {
      getMarkdownFiles: (): NoteFile[] => [...this.files.values()],
      getFileByPath: (p: string): NoteFile | null => this.files.get(p) ?? null,
      getAbstractFileByPath: (p: string): NoteFile | null => this.files.get(p) ?? null,
    },
    metadataCache: {
      getFileCache: (f: NoteFile): CachedMetadata | null => {
        this.lookups += 1;
        return this.caches.get(f.path) ?? null;
      },
      getFirstLinkpathDest: (): NoteFile | null => null,
    },
  } as unknown as App;

  write(path: string, frontmatter: Record<string, unknown> | undefined): void {
    const name = path.slice(path.lastIndexOf('/') + 1);
    this.files.set(path, { path, name, basename: name.replace(/\.md$/, ''), extension: 'md' });
    this.caches.set(path, frontmatter ? { frontmatter } : {});
  }

  remove(path: string): void {
    this.files.delete(path);
    this.caches.delete(path);
  }
}

const settings = defaultSettings();

function lists(host: Host, today: string, index?: VaultIndex): unknown {
  const memory = new VaultMemory(host.app, index ?? new VaultIndex(vaultNotes(host.app)));
  const state = advicePaneState(null, { app: host.app, settings, memory, today, notes: vaultNotes(host.app), ...(index ? { index } : {}) });
  return { due: state.due, waiting: state.waiting };
}

const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-0${1 + (d % 3)}-${String(d).padStart(2, '0')}`);
const application = fc.record({
  stage: fc.constantFrom('Applied', 'Interviewing', 'Offer', 'Rejected', 'Ghosted', 'Screening', 'nonsense'),
  company: fc.constantFrom('Orchid Labs', 'Kestrel Health', 'Tern'),
  applied: fc.option(day, { nil: undefined }),
  interviews: fc.array(fc.record({ date: day }), { maxLength: 2 }),
});
const task = fc.record({
  'job-hunt-advisor-id': fc.constantFrom('a1', 'a2', 'b3', 'c4'),
  title: fc.constantFrom('Follow up', 'Thank you', ''),
  status: fc.constantFrom('open', 'done', 'in-progress'),
  due: fc.option(day, { nil: undefined }),
});
const frontmatter = fc.oneof(application, task, fc.constant(undefined), fc.constant({ tags: ['idea'] }));
// Forty of each besides: a list shows thirty, so changes below its end must be seen to leave it be.
const FILLER = Array.from({ length: 40 }, (_, i) => i);
const path = fc.oneof(
  fc.constantFrom('Applications/A.md', 'Applications/B.md', 'C.md', 'Job hunt tasks/T1.md', 'Job hunt tasks/T2.md', 'Elsewhere/T3.md'),
  fc.constantFrom(...FILLER.map((i) => `Applications/F${i}.md`), ...FILLER.map((i) => `Job hunt tasks/D${i}.md`)),
);
const operation = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), path, frontmatter }),
  fc.record({ kind: fc.constant('rename' as const), path, to: path }),
  fc.record({ kind: fc.constant('delete' as const), path }),
  fc.record({ kind: fc.constant('touch' as const), path }),
  fc.record({ kind: fc.constant('day' as const), today: fc.constantFrom(TODAY, '2026-03-20', '2026-02-01') }),
);

describe('the vault index behind the pane', () => {
  it('gives the same lists and task notes as reading every note afresh, after any run of changes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(path, frontmatter), { maxLength: 6 }), fc.array(operation, { maxLength: 16 }), (start, operations) => {
        const host = new Host();
        for (const i of FILLER) {
          host.write(`Applications/F${i}.md`, { stage: 'Applied', company: `F${i}`, applied: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}` });
          host.write(`Job hunt tasks/D${i}.md`, { 'job-hunt-advisor-id': `d${i}`, title: `Task ${i % 7}`, status: 'open', due: `2026-03-0${1 + (i % 9)}` });
        }
        for (const [p, fm] of start) host.write(p, fm);
        const index = new VaultIndex(vaultNotes(host.app));
        let today = TODAY;
        lists(host, today, index);
        for (const op of operations) {
          if (op.kind === 'write') {
            host.write(op.path, op.frontmatter);
            index.changed(op.path);
          } else if (op.kind === 'rename' && host.files.has(op.path) && !host.files.has(op.to)) {
            const fm = host.caches.get(op.path)?.frontmatter;
            host.remove(op.path);
            host.write(op.to, fm);
            index.renamed(op.path, op.to);
          } else if (op.kind === 'delete') {
            host.remove(op.path);
            index.deleted(op.path);
          } else if (op.kind === 'touch') {
            index.changed(op.path); // an event with the same metadata: nothing to read
          } else if (op.kind === 'day') {
            today = op.today;
          }
          expect(lists(host, today, index)).toEqual(lists(host, today));
          const fresh = new VaultIndex(vaultNotes(host.app)).refresh(host.app, settings, today);
          expect(new Map(index.taskNotes())).toEqual(new Map(fresh.taskNotes()));
        }
      }),
      { numRuns: runs(200) },
    );
    // Thousands of passes over eighty notes: minutes on a shared, loaded machine, not a speed check.
  }, 120_000);

  it('lists as waiting only applications: not a note of the advice pack, a task note or a note outside the scope', () => {
    const host = new Host();
    const old = { stage: 'Applied', company: 'Tern', applied: '2026-01-05' };
    host.write('Applications/Tern.md', old);
    host.write(`${settings.packsFolder}/Ana Expert.md`, old);
    host.write('Job hunt tasks/Tern follow-up.md', old);
    host.write('Elsewhere/Moved task.md', { ...old, 'job-hunt-advisor-id': 'abc1' });
    const waitingOf = (s: typeof settings): string[] => {
      const memory = new VaultMemory(host.app, new VaultIndex(vaultNotes(host.app)));
      return (advicePaneState(null, { app: host.app, settings: s, memory, today: TODAY, notes: vaultNotes(host.app, s) }).waiting ?? []).map((w) => w.path);
    };
    expect(waitingOf(settings)).toEqual(['Applications/Tern.md']);
    host.write('Notes/Kestrel.md', old);
    expect(waitingOf(settings)).toEqual(['Applications/Tern.md', 'Notes/Kestrel.md']);
    expect(waitingOf({ ...settings, applicationScope: 'folder', applicationsFolder: 'Applications' })).toEqual(['Applications/Tern.md']);
  });

  it('reads no note again when nothing changed, and only the changed note after a change', () => {
    const host = new Host();
    for (let i = 0; i < 50; i++) host.write(`Applications/${i}.md`, { stage: 'Applied', company: `Company ${i}`, applied: '2026-01-05' });
    host.write('Job hunt tasks/T.md', { 'job-hunt-advisor-id': 'x', title: 'Follow up', status: 'open', due: '2026-03-01' });
    const index = new VaultIndex(vaultNotes(host.app));
    const first = lists(host, TODAY, index);
    expect(index.reads).toBe(51);

    host.lookups = 0;
    expect(lists(host, TODAY, index)).toEqual(first);
    expect(index.reads).toBe(51);
    expect(host.lookups).toBe(0);

    host.write('Applications/7.md', { stage: 'Offer', company: 'Company 7', applied: '2026-01-05' });
    index.changed('Applications/7.md');
    index.changed('Applications/8.md'); // an event, but the same metadata object
    const after = lists(host, TODAY, index) as { waiting: { path: string }[] };
    expect(index.reads).toBe(52);
    expect(after.waiting.map((w) => w.path)).not.toContain('Applications/7.md');

    lists(host, '2026-03-10', index); // a new day: every note again
    expect(index.reads).toBe(103);
  });

  it('a note the metadata cache has not indexed yet (null, or undefined from a looser host): read once, kept as such, and read again once its metadata arrives', () => {
    for (const missing of [null, undefined]) {
      const host = new Host();
      host.write('Applications/Tern.md', { stage: 'Applied', company: 'Tern', applied: '2026-01-05' });
      host.write('Applications/Kestrel.md', undefined);
      const cache = host.app.metadataCache as unknown as { getFileCache: (f: NoteFile) => CachedMetadata | null | undefined };
      const real = cache.getFileCache.bind(cache);
      let indexed = false;
      cache.getFileCache = (f) => (f.path === 'Applications/Kestrel.md' && !indexed ? missing : real(f));
      const index = new VaultIndex(vaultNotes(host.app));
      const waitingPaths = (): string[] => ((lists(host, TODAY, index) as { waiting: { path: string }[] }).waiting).map((w) => w.path);
      expect(waitingPaths()).toEqual(['Applications/Tern.md']);
      expect(index.reads).toBe(2);
      expect(waitingPaths()).toEqual(['Applications/Tern.md']);
      index.changed('Applications/Kestrel.md'); // an event, still nothing cached
      expect(waitingPaths()).toEqual(['Applications/Tern.md']);
      expect(index.reads).toBe(2);
      host.write('Applications/Kestrel.md', { stage: 'Applied', company: 'Kestrel', applied: '2026-01-02' });
      indexed = true;
      index.changed('Applications/Kestrel.md');
      expect(waitingPaths()).toEqual(['Applications/Kestrel.md', 'Applications/Tern.md']);
      expect(index.reads).toBe(3);
    }
  });

  it('builds the lists in slices that give the event loop its turns: the same lists, each note read once, a draw meanwhile finishing the rest', async () => {
    const host = new Host();
    for (let i = 0; i < 120; i++) {
      const stage = ['Applied', 'Interviewing', 'Ghosted', 'Offer'][i % 4] ?? 'Applied';
      host.write(`Applications/${i}.md`, { stage, company: `Company ${i}`, applied: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}`, interviews: i % 3 ? [] : [{ date: '2026-02-01', interviewers: [`Ana ${i}`] }] });
      host.write(`Job hunt tasks/T${i}.md`, { 'job-hunt-advisor-id': `t${i}`, title: `Task ${i}`, status: i % 5 ? 'open' : 'done', due: `2026-03-0${1 + (i % 9)}` });
    }
    const whole = lists(host, TODAY);

    const sliced = new VaultIndex(vaultNotes(host.app));
    let turns = 0;
    await sliced.buildInSlices(host.app, settings, TODAY, { sliceMs: 0, nextTurn: () => Promise.resolve(void (turns += 1)) });
    expect(turns).toBe(240);
    expect(sliced.reads).toBe(240);
    expect(lists(host, TODAY, sliced)).toEqual(whole);
    expect(sliced.reads).toBe(240);

    // The pane opens half-way: its draw reads the rest at once, and the slices stop there.
    const interrupted = new VaultIndex(vaultNotes(host.app));
    let drawn: unknown;
    turns = 0;
    await interrupted.buildInSlices(host.app, settings, TODAY, {
      sliceMs: 0,
      nextTurn: () => {
        turns += 1;
        if (turns === 100) drawn = lists(host, TODAY, interrupted);
        return Promise.resolve();
      },
    });
    expect(drawn).toEqual(whole);
    expect(turns).toBe(100);
    expect(interrupted.reads).toBe(240);
  });

  it('is kept up to date by the vault events in the running plugin', async () => {
    const waiting = '---\nstage: Applied\ncompany: Orchid Labs\nrole: Analyst\napplied: 2026-01-05\n---\n';
    const r = await startPlugin(makeApp({ 'Applications/Orchid Labs.md': waiting }));
    const paneLists = (): { due?: unknown; waiting?: { noteName: string }[] } => {
      const state = advicePaneState(null, { app: r.app, settings: r.plugin.settings, memory: r.plugin.memory, notes: r.plugin.notes, today: TODAY, index: r.plugin.vaultIndex });
      return { due: state.due, waiting: state.waiting };
    };
    const fresh = (): unknown => {
      const state = advicePaneState(null, { app: r.app, settings: r.plugin.settings, memory: r.plugin.memory, notes: r.plugin.notes, today: TODAY });
      return { due: state.due, waiting: state.waiting };
    };
    expect(paneLists().waiting?.map((w) => w.noteName)).toEqual(['Orchid Labs']);

    const orchid = file(r.app, 'Applications/Orchid Labs.md');
    await r.app.vault.modify(orchid, read(r.app, orchid.path).replace('stage: Applied', 'stage: Offer'));
    await settle(r);
    expect(paneLists().waiting).toEqual([]);
    expect(paneLists()).toEqual(fresh());

    await r.app.fileManager.renameFile(file(r.app, APPLICATION_PATH), 'Archive/Kestrel.md');
    await r.app.fileManager.trashFile(file(r.app, 'Applications/Orchid Labs.md'));
    await settle(r);
    expect(paneLists()).toEqual(fresh());
  });

  it('serves the task notes to follow-up creation from the running plugin, reading each note about once at start-up', async () => {
    const applications: Record<string, string> = {};
    for (let i = 0; i < 30; i++) applications[`Applications/Company ${i}.md`] = `---\nstage: Applied\ncompany: Company ${i}\nrole: Analyst\napplied: 2026-03-0${1 + (i % 8)}\n---\n`;
    const r = await startPlugin(makeApp(applications));
    await settle(r);
    const made = taskNotes(r.app).length;
    expect(made).toBeGreaterThan(30);
    // Every note once, a new task note again when its metadata arrives: not the vault per application.
    const notes = r.app.vault.getMarkdownFiles().length;
    expect(r.plugin.vaultIndex.reads).toBeGreaterThan(0);
    expect(r.plugin.vaultIndex.reads).toBeLessThanOrEqual(notes + made);
    // The day's scan again: a few look-ups per application, not the whole vault per application.
    const lookups = vi.spyOn(r.app.metadataCache, 'getFileCache');
    await r.plugin.sync.scanAll();
    expect(lookups.mock.calls.length).toBeLessThan(10 * 30);
    lookups.mockRestore();

    const byFullRead = new Map(new VaultIndex(r.plugin.notes).refresh(r.app, r.plugin.settings, TODAY).taskNotes());
    expect(new Map(r.plugin.vaultIndex.currentTaskNotes(r.app))).toEqual(byFullRead);
    await r.app.fileManager.trashFile(taskNotes(r.app)[0] ?? file(r.app, APPLICATION_PATH));
    await settle(r);
    expect([...r.plugin.vaultIndex.currentTaskNotes(r.app).values()].flat()).toHaveLength(made - 1);
  });
});
