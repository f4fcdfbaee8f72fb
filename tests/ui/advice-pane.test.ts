// @vitest-environment happy-dom
// The advice pane as the person sees it: verdict, experts, advice, follow-ups with their state, the
// vault-wide lists, and live updates when the note's frontmatter changes.
import { WorkspaceLeaf as MockLeaf } from 'obsidian-test-mocks/obsidian';
import { describe, expect, it, vi } from 'vitest';
import { AdvicePane, ADVICE_VIEW_TYPE, PANE_REDRAW_DELAY_MS } from '../../src/ui/advice-pane';
import { renderAdvicePane } from '../../src/ui/advice-pane-render';
import { advicePaneState } from '../../src/ui/advice-pane-state';
import { summaryOf } from '../../src/core/wording';
import { APPLICATION_PATH, file, KESTREL, makeApp, read, settle, startPlugin, taskNotes, TODAY } from '../obsidian/harness';
import type { Running } from '../obsidian/harness';

function stateOf(r: Running, path: string | null): ReturnType<typeof advicePaneState> {
  return advicePaneState(path ? file(r.app, path) : null, { app: r.app, settings: r.plugin.settings, memory: r.plugin.memory, notes: r.plugin.notes, today: TODAY });
}

function draw(r: Running, path: string | null, onOpen = vi.fn()): HTMLElement {
  const el = document.body.createDiv();
  renderAdvicePane(el, stateOf(r, path), { onOpen, onCreateFollowUps: vi.fn(), onInsertCallout: vi.fn(), onCopyDraft: vi.fn() });
  return el;
}

function texts(el: HTMLElement, selector: string): string[] {
  return Array.from(el.querySelectorAll(selector)).map((e) => e.textContent ?? '');
}

describe('the advice pane', () => {
  it('shows the application, the verdict with who speaks to this moment, and the next follow-ups first', async () => {
    const r = await startPlugin(makeApp());
    const el = draw(r, APPLICATION_PATH);
    const children = Array.from(el.querySelector('.jha-pane')?.children ?? []).map((c) => c.className.split(' ')[0]);
    expect(children.slice(0, 3)).toEqual(['jha-header', 'jha-verdict', 'jha-next']);
    expect(el.querySelector('.jha-title')?.textContent).toBe('Kestrel Health');
    expect(el.querySelector('.jha-subtitle')?.textContent).toBe('Product DesignerInterviewing');
    expect(el.querySelector('.jha-verdict-headline')?.textContent).not.toBe('');
    expect(el.querySelector('.jha-verdict-reason')?.textContent).toMatch(/speaks? to this moment|No expert speaks/);
    const next = texts(el, '.jha-next .jha-followup-due');
    expect(next.length).toBeGreaterThan(0);
    expect(next.length).toBeLessThanOrEqual(3);
    for (const due of next) expect(due).toMatch(/^\d{4}-\d\d-\d\d · /);
  });

  it('says where the application stands once: no reason repeats the summary', async () => {
    const r = await startPlugin(makeApp());
    const state = stateOf(r, APPLICATION_PATH);
    const el = document.body.createDiv();
    // Every section open, every advice item open: the whole text a person can read.
    const open: Record<string, boolean> = { experts: true, advice: true, followups: true, draft: true, vault: true };
    for (const a of state.report?.advice ?? []) open[`advice:${a.id}`] = true;
    renderAdvicePane(el, { ...state, open }, {});
    const summary = state.report ? summaryOf(state.report) : '';
    expect(summary.length).toBeGreaterThan(20);
    const firstClause = summary.split(/[;.]/)[0] ?? summary;
    const count = (el.textContent ?? '').split(firstClause).length - 1;
    expect(count).toBe(1);
  });

  it('folds its sections; the advice shows titles and experts, the detail opens on click', async () => {
    const r = await startPlugin(makeApp());
    const toggled: [string, boolean][] = [];
    const el = document.body.createDiv();
    const state = stateOf(r, APPLICATION_PATH);
    renderAdvicePane(el, state, { onToggle: (key, open) => toggled.push([key, open]) });
    const advice = el.querySelector<HTMLElement>('.jha-fold-advice');
    const experts = el.querySelector<HTMLElement>('.jha-fold-experts');
    expect(advice?.querySelector<HTMLElement>('.jha-fold-body')?.hidden).toBe(false);
    expect(experts?.querySelector<HTMLElement>('.jha-fold-body')?.hidden).toBe(true);
    expect(experts?.querySelector('.jha-fold-count')?.textContent).toBe(String((state.report?.verdict.for.length ?? 0) + (state.report?.verdict.against.length ?? 0)));
    const items = Array.from(el.querySelectorAll<HTMLElement>('.jha-advice-item'));
    expect(items).toHaveLength(state.report?.advice.length ?? -1);
    for (const [n, item] of items.entries()) {
      const a = state.report?.advice[n];
      expect(item.querySelector('.jha-advice-title')?.textContent).toBe(a?.title);
      expect(item.querySelector('.jha-advice-experts')?.textContent).toContain(a?.experts[0]?.name ?? '?');
      expect(item.querySelector<HTMLElement>('.jha-advice-detail')?.hidden).toBe(true);
    }
    items[0]?.querySelector<HTMLButtonElement>('.jha-advice-toggle')?.click();
    expect(items[0]?.querySelector<HTMLElement>('.jha-advice-detail')?.hidden).toBe(false);
    experts?.querySelector<HTMLButtonElement>('.jha-fold-header')?.click();
    expect(experts?.querySelector<HTMLElement>('.jha-fold-body')?.hidden).toBe(false);
    expect(experts?.querySelector('.jha-fold-header')?.getAttribute('aria-expanded')).toBe('true');
    expect(toggled).toEqual([[`advice:${state.report?.advice[0]?.id}`, true], ['experts', true]]);
    // Drawn again with what the person chose: it stays as they left it.
    renderAdvicePane(el, { ...state, open: Object.fromEntries(toggled) }, {});
    expect(el.querySelector<HTMLElement>('.jha-fold-experts .jha-fold-body')?.hidden).toBe(false);
    expect(el.querySelector<HTMLElement>('.jha-advice-item .jha-advice-detail')?.hidden).toBe(false);
  });

  it('ticks a created follow-up off: its task note becomes done (TaskNotes status and completion date), the pane strikes it through', async () => {
    const r = await startPlugin(makeApp());
    const [first] = taskNotes(r.app);
    if (!first) throw new Error('expected task notes');
    const el = document.body.createDiv();
    const redraw = (): void => renderAdvicePane(el, stateOf(r, APPLICATION_PATH), { onSetDone: (path, done) => void r.plugin.setDone(path, done) });
    redraw();
    const box = Array.from(el.querySelectorAll<HTMLInputElement>('.jha-fold-followups input.jha-tick')).find((b) => b.getAttribute('aria-label')?.includes(read(r.app, first.path).match(/title: "(.*)"/)?.[1] ?? '?'));
    expect(box?.checked).toBe(false);
    box?.click();
    await settle(r);
    expect(read(r.app, first.path)).toMatch(/^status: done$/m);
    expect(read(r.app, first.path)).toMatch(new RegExp(`^completedDate: ['"]?${TODAY}['"]?$`, 'm'));
    redraw();
    const done = el.querySelector('.jha-fold-followups .jha-state-done');
    expect(done?.querySelector<HTMLInputElement>('input.jha-tick')?.checked).toBe(true);
    // Done is no longer "next".
    expect(texts(el, '.jha-next .jha-followup-title')).not.toContain(done?.querySelector('.jha-followup-title')?.textContent);
    // Unticked: open again, the completion date gone.
    done?.querySelector<HTMLInputElement>('input.jha-tick')?.click();
    await settle(r);
    expect(read(r.app, first.path)).toMatch(/^status: open$/m);
    expect(read(r.app, first.path)).not.toContain('completedDate');
  });

  it("resolves the hiring manager's note: the name opens it, its LinkedIn URL becomes a link", async () => {
    const r = await startPlugin(makeApp());
    const onOpen = vi.fn();
    const el = draw(r, APPLICATION_PATH, onOpen);
    const manager = el.querySelector('.jha-person');
    expect(manager?.textContent).toContain('Ana Silva');
    expect(manager?.querySelector('a.jha-linkedin')?.getAttribute('href')).toBe('https://www.linkedin.com/in/example-ana-silva');
    manager?.querySelector<HTMLButtonElement>('button.jha-person-name')?.click();
    expect(onOpen).toHaveBeenCalledWith('Ana Silva');
  });

  it('offers the connection note draft within the limit, a copy button and the way to their profile', async () => {
    const justApplied = '---\nstage: Applied\ncompany: Kestrel Health\nrole: Product Designer\napplied: 2026-03-06\nhiring_manager: "[[Ana Silva]]"\n---\n';
    const r = await startPlugin(makeApp({ [APPLICATION_PATH]: justApplied }));
    const onCopyDraft = vi.fn();
    const el = document.body.createDiv();
    const state = stateOf(r, APPLICATION_PATH);
    renderAdvicePane(el, state, { onCopyDraft });
    expect(state.report?.verdict.connectNow).toBe(true);
    const box = el.querySelector('.jha-draft');
    expect(box?.querySelector('.jha-count')?.textContent).toMatch(/^\d+\/200 characters$/);
    expect(box?.querySelector('.jha-count.jha-over')).toBeNull();
    expect(box?.querySelector('a.jha-linkedin')?.getAttribute('href')).toBe('https://www.linkedin.com/in/example-ana-silva');
    box?.querySelector<HTMLButtonElement>('button.jha-copy')?.click();
    expect(onCopyDraft).toHaveBeenCalledWith(state.draft);
    expect(box?.querySelector('.jha-draft-text')?.textContent).toBe(state.draft);
  });

  it('shows planned follow-ups with a create button when nothing was created yet', async () => {
    const r = await startPlugin(makeApp(), { settings: { autoCreate: false } });
    const el = draw(r, APPLICATION_PATH);
    expect(new Set(texts(el, '.jha-badge'))).toEqual(new Set(['Planned']));
    expect(el.querySelector('input.jha-tick')).toBeNull();
    expect(texts(el, 'button.jha-button')).toContain(`Create ${el.querySelectorAll('.jha-fold-followups .jha-followup').length} tasks`);
  });

  it('says what is wrong with a stage it does not know, naming the note', async () => {
    const r = await startPlugin(makeApp({ [APPLICATION_PATH]: KESTREL.replace('stage: Interviewing', 'stage: Maybe later') }));
    const el = draw(r, APPLICATION_PATH);
    expect(el.querySelector('.jha-problem')?.textContent).toMatch(/^Kestrel Health: .*Maybe later/);
    expect(el.querySelector('.jha-verdict')).toBeNull();
  });

  it('renders note text as text, never as HTML', async () => {
    const hostile = KESTREL.replace('company: Kestrel Health', 'company: "<img src=x onerror=alert(1)>"');
    const r = await startPlugin(makeApp({ [APPLICATION_PATH]: hostile }));
    const el = draw(r, APPLICATION_PATH);
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('on a note that is not an application, explains what makes one and how to map fields', async () => {
    const r = await startPlugin(makeApp());
    const el = draw(r, 'Ideas.md');
    expect(el.textContent).toContain('is not an application note');
    expect(el.textContent).toMatch(/stage field \(stage, /);
    expect(el.textContent).toContain('map them in the settings');
  });

  it('lists, across the vault, follow-ups due today or overdue and applications waiting too long', async () => {
    const waiting = '---\nstage: Applied\ncompany: Orchid Labs\nrole: Analyst\napplied: 2026-01-05\n---\n';
    const r = await startPlugin(makeApp({ 'Applications/Orchid Labs.md': waiting }));
    const [task] = taskNotes(r.app);
    if (!task) throw new Error('expected task notes');
    await r.app.vault.modify(task, read(r.app, task.path).replace(/due: \d{4}-\d\d-\d\d/, 'due: 2026-03-01'));
    const onOpen = vi.fn();
    const el = draw(r, null, onOpen);
    const vault = el.querySelector('.jha-fold-vault');
    expect(vault?.textContent).toContain('8 days ago');
    const names = Array.from(vault?.querySelectorAll<HTMLButtonElement>('button.jha-link') ?? []);
    names.find((b) => b.textContent === 'Orchid Labs')?.click();
    expect(onOpen).toHaveBeenCalledWith('Applications/Orchid Labs.md');
  });
});

describe('the pane view', () => {
  it('follows the active note, redraws once after a burst of changes, and leaves nothing behind when closed', async () => {
    const r = await startPlugin(makeApp());
    await r.app.workspace.getLeaf(false).openFile(file(r.app, APPLICATION_PATH));
    const create = r.mock.views__.get(ADVICE_VIEW_TYPE);
    if (!create) throw new Error('view not registered');
    const leaf = MockLeaf.create2__(r.mockApp).asOriginalType3__();
    const view = create(leaf);
    expect(view).toBeInstanceOf(AdvicePane);
    const pane = view as AdvicePane;
    const listeners = (): number => Object.values((r.mockApp.metadataCache as unknown as { _: Record<string, unknown[]> })._).flat().length;
    const before = listeners();
    pane.load();
    await pane.onOpen();
    expect(pane.followedPath).toBe(APPLICATION_PATH);
    expect(pane.contentEl.textContent).toContain('Kestrel Health');

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const draws = vi.spyOn(pane, 'draw');
      await r.app.vault.modify(file(r.app, APPLICATION_PATH), KESTREL.replace('stage: Interviewing', 'stage: Rejected'));
      for (let i = 0; i < 20; i++) r.app.metadataCache.trigger('changed', file(r.app, APPLICATION_PATH), '', {});
      expect(draws).not.toHaveBeenCalled();
      vi.advanceTimersByTime(PANE_REDRAW_DELAY_MS + 1);
      expect(draws).toHaveBeenCalledTimes(1);
      expect(pane.contentEl.querySelector('.jha-subtitle')?.textContent).toContain('Rejected');
    } finally {
      vi.useRealTimers();
    }
    await settle(r);
    pane.unload();
    expect(listeners()).toBe(before);
  });
});
