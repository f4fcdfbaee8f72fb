// @vitest-environment happy-dom
// The whole hunt in the plugin, in the mocked Obsidian host: a new application from the command's
// form, moved through applied, interviewing and rejected with the stage suggester, its history, the
// follow-ups re-planned at each move, the pipeline in the pane, and the Bases dashboard.
import { load } from 'js-yaml';
import { Modal, WorkspaceLeaf } from 'obsidian';
import type { Command } from 'obsidian';
import { describe, expect, it, vi } from 'vitest';
import { DASHBOARD_NAME } from '../../src/core/dashboard';
import { advicePaneState } from '../../src/ui/advice-pane-state';
import { renderAdvicePane } from '../../src/ui/advice-pane-render';
import { InterviewDateModal, NewApplicationModal, StageSuggestModal } from '../../src/ui/hunt-dialogs';
import { moveApplication } from '../../src/ui/hunt-commands';
import { file, makeApp, PROMPTLY, read, settle, startPlugin } from './harness';
import type { Running } from './harness';
import { recordNotices } from './notices';

const notices: string[] = [];
recordNotices((text) => notices.push(text));

/** Every modal opened, as the person would see it (the spy keeps each call's `this`). */
const openModal = vi.spyOn(Modal.prototype, 'open');

/** Every note opened in a leaf. */
const openFile = vi.spyOn(WorkspaceLeaf.prototype, 'openFile');

function command(r: Running, id: string): Command {
  const c = r.mock.commands__.get(id);
  if (!c) throw new Error(`no command ${id}`);
  return c;
}

function lastModal<T>(type: abstract new (...args: never[]) => T): T {
  const modal: unknown = openModal.mock.contexts.at(-1);
  if (!(modal instanceof type)) throw new Error(`the last modal is not a ${type.name}`);
  return modal;
}

function frontmatter(r: Running, path: string): Record<string, unknown> {
  return load(/^---\n([\s\S]*?)\n---/.exec(read(r.app, path))?.[1] ?? '') as Record<string, unknown>;
}

const NEW_PATH = 'Applications/Orchid Labs - Analyst.md';

function paneState(r: Running, path: string, withPipeline = false): ReturnType<typeof advicePaneState> {
  const p = r.plugin;
  return advicePaneState(file(r.app, path), { app: r.app, settings: p.settings, memory: p.memory, today: p.today(), notes: p.notes, index: p.vaultIndex, pipeline: p.pipeline }, withPipeline);
}

/** The suggester's choice for a typed word, chosen as a click would. */
async function chooseStage(r: Running, typed: string): Promise<void> {
  expect(command(r, 'set-stage').checkCallback?.(true)).toBe(true);
  command(r, 'set-stage').checkCallback?.(false);
  const picker = lastModal(StageSuggestModal);
  const [choice] = await Promise.resolve(picker.getSuggestions(typed));
  if (!choice) throw new Error(`no stage for ${typed}`);
  picker.selectSuggestion(choice, new MouseEvent('click'));
}

async function moved(r: Running, stage: string): Promise<void> {
  await vi.waitFor(() => expect(frontmatter(r, NEW_PATH).stage).toBe(stage), PROMPTLY);
  await settle(r);
}

describe('the whole hunt in Obsidian', () => {
  it('creates an application with the command, moves it through applied, interviewing and rejected, and shows its history, follow-ups and the pipeline', async () => {
    const r = await startPlugin(makeApp());
    notices.length = 0;

    // New job application: the form, filled in and sent.
    command(r, 'new-application').callback?.();
    const form = lastModal(NewApplicationModal);
    Object.assign(form.values, { company: 'Orchid Labs', role: 'Analyst', hiringManager: 'Dana Whitfield', url: 'https://example.com/jobs/42' });
    expect(await form.submit()).toBeUndefined();
    // In the folder and schema the vault's one application uses; opened, with its advice in the pane.
    expect(frontmatter(r, NEW_PATH)).toEqual({
      company: 'Orchid Labs', role: 'Analyst', stage: 'Wishlist', hiring_manager: 'Dana Whitfield', url: 'https://example.com/jobs/42',
      stage_history: ['2026-03-09: Wishlist'],
    });
    expect(openFile.mock.calls.at(-1)?.[0].path).toBe(NEW_PATH);
    // The mock's pane leaf takes the focus Obsidian would leave on the note: the note is put back in front.
    await r.app.workspace.getLeaf(false).openFile(file(r.app, NEW_PATH));
    await vi.waitFor(() => expect(paneState(r, NEW_PATH).report?.application.stage).toBe('wishlist'), PROMPTLY);

    // Applied: the applied date is filled, the history grows, and the connection request is planned.
    await chooseStage(r, 'appl');
    await moved(r, 'Applied');
    expect(frontmatter(r, NEW_PATH)).toMatchObject({ applied: '2026-03-09', stage_history: ['2026-03-09: Wishlist', '2026-03-09: Applied'] });
    const afterApplied = paneState(r, NEW_PATH).followUps?.map((f) => f.kind) ?? [];
    expect(afterApplied).toContain('connection-request');

    // Interviewing: the date is asked for (kept under the vault's own field, `interviews`), and the research and the thank-you letter are planned.
    await chooseStage(r, 'interv');
    lastModal(InterviewDateModal).finish('2026-03-12');
    await moved(r, 'Interviewing');
    expect(frontmatter(r, NEW_PATH)).toMatchObject({ interviews: '2026-03-12', stage_history: ['2026-03-09: Wishlist', '2026-03-09: Applied', '2026-03-09: Interviewing'] });
    const afterInterview = paneState(r, NEW_PATH).followUps?.map((f) => f.kind) ?? [];
    expect(afterInterview).toEqual(expect.arrayContaining(['research-interviewers', 'thank-you-letter']));
    expect(afterInterview).not.toContain('connection-request');

    // Rejected: the decision date, the whole history, and the request for feedback.
    await chooseStage(r, 'Rejected');
    await moved(r, 'Rejected');
    expect(frontmatter(r, NEW_PATH)).toMatchObject({
      decision: '2026-03-09',
      stage_history: ['2026-03-09: Wishlist', '2026-03-09: Applied', '2026-03-09: Interviewing', '2026-03-09: Rejected'],
    });
    expect(paneState(r, NEW_PATH).followUps?.map((f) => f.kind)).toContain('ask-feedback');
    expect(notices.some((n) => n.includes('"Orchid Labs - Analyst": Interviewing → Rejected. Stage history: 2026-03-09: Rejected.'))).toBe(true);

    // The pipeline: on a note that is not an application, the whole hunt, counted per stage.
    const state = paneState(r, 'Ideas.md');
    const counts = Object.fromEntries((state.pipeline?.stages ?? []).map((s) => [s.word, s.count]));
    expect(counts).toMatchObject({ Interviewing: 1, Rejected: 1, Applied: 0 });
    expect(state.pipeline).toMatchObject({ total: 2, appliedTo: 2, answered: 2, responseRate: 1 });
    expect(state.pipeline?.open.map((a) => a.noteName)).toEqual(['Kestrel Health']);
    const el = createDiv();
    renderAdvicePane(el, state, {});
    expect(el.querySelector('.jha-pipeline .jha-heading')?.textContent).toBe('Your job hunt: 2 applications');
    expect([...el.querySelectorAll('.jha-pipeline-stage')].map((li) => li.textContent)).toContain('Rejected1');
    expect(el.querySelector('.jha-pipeline-response')?.textContent).toBe('2 of 2 applications you sent got an answer (100%).');
    // On an application, only when asked.
    expect(paneState(r, NEW_PATH).pipeline).toBeUndefined();
    expect(paneState(r, NEW_PATH, true).pipeline?.total).toBe(2);
  });

  it('refuses bad input in one line and writes nothing', async () => {
    const r = await startPlugin(makeApp());
    const before = r.app.vault.getFiles().map((f) => f.path).sort();
    command(r, 'new-application').callback?.();
    const form = lastModal(NewApplicationModal);
    Object.assign(form.values, { company: 'Acme', role: 'Analyst', applied: '2026-02-30' });
    expect(await form.submit()).toBe('Applied date "2026-02-30" is not a calendar date (YYYY-MM-DD): nothing was created.');
    Object.assign(form.values, { applied: '', stage: 'Pondering' });
    expect(await form.submit()).toMatch(/^"Pondering" is not a stage \(known: Wishlist, Applied, .*Interviewing.*\): nothing was created\.$/);
    expect(r.app.vault.getFiles().map((f) => f.path).sort()).toEqual(before);

    notices.length = 0;
    const kestrel = 'Applications/Kestrel Health.md';
    const text = read(r.app, kestrel);
    expect(await moveApplication(r.plugin, file(r.app, kestrel), 'Pondering')).toBe(false);
    expect(notices[0]).toMatch(/^Job Hunt Advisor: "Kestrel Health": "Pondering" is not a stage \(known: .*\)\. Nothing was written\.$/);
    expect(await moveApplication(r.plugin, file(r.app, kestrel), 'Interviewing')).toBe(false);
    expect(notices[1]).toBe('Job Hunt Advisor: "Kestrel Health": already at Interviewing; nothing changed. Nothing was written.');
    expect(read(r.app, kestrel)).toBe(text);
    // The stage command is offered on application notes only.
    await r.app.workspace.getLeaf(false).openFile(file(r.app, 'Ideas.md'));
    expect(command(r, 'set-stage').checkCallback?.(true)).toBe(false);
  });

  it('the name a note cannot have becomes a safe one; the title keeps the original', async () => {
    const r = await startPlugin(makeApp());
    command(r, 'new-application').callback?.();
    const form = lastModal(NewApplicationModal);
    Object.assign(form.values, { company: 'R&D: <Labs>', role: 'Dev/Ops #1' });
    expect(await form.submit()).toBeUndefined();
    const path = 'Applications/R&D Labs - Dev Ops 1.md';
    expect(frontmatter(r, path)).toMatchObject({ company: 'R&D: <Labs>', role: 'Dev/Ops #1', aliases: ['R&D: <Labs> - Dev/Ops #1'] });
    expect(read(r.app, path)).toContain('# R\\&D: \\<Labs\\> - Dev/Ops \\#1\n');
  });

  it('writes a Job hunt.base that Bases reads, and never overwrites one the person edited', async () => {
    const r = await startPlugin(makeApp());
    command(r, 'create-dashboard').callback?.();
    await vi.waitFor(() => expect(r.app.vault.getFileByPath(DASHBOARD_NAME)).not.toBeNull());
    const text = read(r.app, DASHBOARD_NAME);
    const base = load(text) as { views: { type: string; name: string; groupBy?: { property: string } }[] };
    expect(base.views.map((v) => v.name)).toEqual(['Applications by stage', 'Follow-ups due', 'Applications and follow-ups']);
    expect(base.views[0]?.groupBy?.property).toBe('note.stage');

    notices.length = 0;
    command(r, 'create-dashboard').callback?.();
    await vi.waitFor(() => expect(notices).toContain('"Job hunt.base" is up to date.'), PROMPTLY);
    const edited = text.replace('direction: ASC', 'direction: DESC');
    await r.app.vault.modify(file(r.app, DASHBOARD_NAME), edited);
    command(r, 'create-dashboard').callback?.();
    await vi.waitFor(() => expect(notices.some((n) => n.includes('has your own changes, so it was left as it is'))).toBe(true), PROMPTLY);
    expect(read(r.app, DASHBOARD_NAME)).toBe(edited);
  });

  it('offers the stage move and the whole hunt as buttons in the pane of an application', async () => {
    const r = await startPlugin(makeApp());
    const calls: string[] = [];
    const el = createDiv();
    const state = paneState(r, 'Applications/Kestrel Health.md');
    renderAdvicePane(el, state, { onSetStage: () => calls.push('stage'), onShowPipeline: () => calls.push('hunt') });
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('.jha-hunt-buttons button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Move to stage...', 'Show the whole hunt']);
    for (const b of buttons) b.click();
    expect(calls).toEqual(['stage', 'hunt']);
    renderAdvicePane(el, paneState(r, 'Applications/Kestrel Health.md', true), { onShowPipeline: () => undefined });
    expect(el.querySelector('.jha-hunt-buttons button')?.textContent).toBe('Hide the whole hunt');
    expect(el.querySelector('.jha-pipeline .jha-heading')?.textContent).toBe('Your job hunt: 1 application');
    // Kept between draws, and up to date after a change.
    const count = (stage: string): number | undefined => paneState(r, 'Ideas.md').pipeline?.stages.find((x) => x.stage === stage)?.count;
    expect([count('interviewing'), count('offer')]).toEqual([1, 0]);
    expect(await moveApplication(r.plugin, file(r.app, 'Applications/Kestrel Health.md'), 'Offer')).toBe(true);
    await vi.waitFor(() => expect([count('interviewing'), count('offer')]).toEqual([0, 1]), PROMPTLY);
  });
});
