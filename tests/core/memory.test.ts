import { describe, expect, it } from 'vitest';
import { parseLedger, renderLedger } from '../../src/core/ledger';
import { FollowUpMemory, followUpStatus, loadMemory, saveMemory } from '../../src/core/memory';
import type { MemoryIO } from '../../src/core/memory';
import type { FollowUp } from '../../src/core/model';
import { TASK_ID_FIELD } from '../../src/core/task-note';

function followUp(over: Partial<FollowUp> = {}): FollowUp {
  return {
    id: 'aaaaaaaaaaaaaaaa', kind: 'thank-you-letter', title: 'Send a thank-you letter to Ana Silva', due: '2026-03-10', priority: 'normal',
    reason: '', experts: [], applicationPath: 'Jobs/Kestrel.md', applicationName: 'Kestrel', ...over,
  };
}

describe('the one memory of created follow-ups', () => {
  it('knows a follow-up by its id, in the ledger or on a task note', () => {
    const f = followUp();
    expect(FollowUpMemory.from([''], []).known(f)).toBeUndefined();
    expect(FollowUpMemory.from([renderLedger([{ id: f.id, application: f.applicationPath, title: 'x', path: 'x.md', created: '2026-03-01' }])], []).known(f)).toEqual([f.id]);
    expect(FollowUpMemory.from([''], [{ path: 't.md', frontmatter: { [TASK_ID_FIELD]: f.id.toUpperCase() } }]).known(f)).toEqual([f.id]);
  });

  it('after a rename (a new id), knows it by kind, title and the application it links to', () => {
    const renamed = followUp({ id: 'bbbbbbbbbbbbbbbb', applicationPath: 'Jobs/Kestrel (design).md', applicationName: 'Kestrel (design)' });
    const note = { path: 't.md', frontmatter: { [TASK_ID_FIELD]: 'aaaaaaaaaaaaaaaa', title: renamed.title, projects: ['[[Jobs/Kestrel (design)|Kestrel]]'] } };
    expect(FollowUpMemory.from([''], [note]).known(renamed)).toEqual(['aaaaaaaaaaaaaaaa']);
    // The ledger entry a host moved with the rename; an entry of another kind is another follow-up.
    const moved = { id: 'aaaaaaaaaaaaaaaa', application: 'Jobs/Kestrel (design).md', kind: renamed.kind, title: renamed.title, path: 'gone.md', created: '2026-03-01' };
    expect(FollowUpMemory.from([renderLedger([moved])], []).known(renamed)).toEqual(['aaaaaaaaaaaaaaaa']);
    expect(FollowUpMemory.from([renderLedger([{ ...moved, kind: 'check-in' }])], []).known(renamed)).toBeUndefined();
    // A Markdown link names the application too.
    const markdown = { ...note, frontmatter: { ...note.frontmatter, projects: '[Kestrel](Jobs/Kestrel%20%28design%29.md)' } };
    expect(FollowUpMemory.from([''], [markdown]).known(renamed)).toEqual(['aaaaaaaaaaaaaaaa']);
  });

  it('remembers under the id of today, follows renames, and writes only when something changed', async () => {
    let written: string | undefined;
    let ledger = '';
    const io: MemoryIO = { readLedgers: () => Promise.resolve([ledger]), writeLedger: (t) => { written = t; ledger = t; return Promise.resolve(); }, listTaskNotes: () => Promise.resolve([]) };
    const memory = await loadMemory(io);
    memory.remember(followUp(), 'Tasks/a.md', '2026-03-09');
    memory.renamed('Jobs/Kestrel.md', 'Jobs/K2.md');
    await saveMemory(io, memory);
    expect(parseLedger(written ?? '')).toEqual([{ id: 'aaaaaaaaaaaaaaaa', application: 'Jobs/K2.md', kind: 'thank-you-letter', title: followUp().title, path: 'Tasks/a.md', created: '2026-03-09' }]);
    written = undefined;
    await saveMemory(io, await loadMemory(io));
    expect(written).toBeUndefined();
  });

  it('reads the ledger and its sync-conflict copies as one union, old entries without a kind included', () => {
    const a = renderLedger([{ id: 'a', application: 'x.md', title: 'A', path: 'a.md', created: '2026-03-01' }]);
    const b = renderLedger([{ id: 'b', application: 'x.md', kind: 'check-in', title: 'B', path: 'b.md', created: '2026-03-02', line: true }]);
    const memory = FollowUpMemory.from([a, b], []);
    expect(memory.entriesFor('x.md').map((e) => e.id)).toEqual(['a', 'b']);
    expect(memory.applicationWithLine('b')).toBe('x.md');
    expect(memory.changedText()).toBeDefined();
  });
});

describe("a follow-up's state, as every host shows it", () => {
  const f = followUp();
  const at = (path: string, done: boolean) => ({ id: f.id, title: f.title, done, path });
  const entry = { id: f.id, application: f.applicationPath, title: f.title, path: 'Tasks/Thank.md', created: '2026-03-01' };

  it('is planned before any task note, to do while one is open, done once ticked, dismissed once deleted', () => {
    const memory = FollowUpMemory.from([''], []);
    expect(followUpStatus(f, new Map(), memory)).toEqual({ state: 'planned' });
    expect(followUpStatus(f, new Map([[f.id, [at('Tasks/Thank.md', false)]]]), memory)).toEqual({ state: 'created', path: 'Tasks/Thank.md' });
    expect(followUpStatus(f, new Map([[f.id, [at('Tasks/Thank.md', true)]]]), memory)).toEqual({ state: 'done', path: 'Tasks/Thank.md' });
    expect(followUpStatus(f, new Map(), FollowUpMemory.from([renderLedger([entry])], []))).toEqual({ state: 'dismissed' });
  });

  it('shows the open one of two task notes (a sync conflict copy), whichever comes first, and finds an id written in capitals', () => {
    const memory = FollowUpMemory.from([''], []);
    expect(followUpStatus(f, new Map([[f.id, [at('A.md', true), at('B.md', false)]]]), memory)).toEqual({ state: 'created', path: 'B.md' });
    expect(followUpStatus({ ...f, id: f.id.toUpperCase() }, new Map([[f.id, [at('A.md', false)]]]), memory)).toEqual({ state: 'created', path: 'A.md' });
  });
});
