// The advice pane: a right-sidebar view that follows the active note and redraws, debounced, when
// the metadata cache has new frontmatter. It holds no state of its own beyond the note it follows.
import { debounce, ItemView, Notice, TFile } from 'obsidian';
import type { ViewStateResult, Workspace, WorkspaceLeaf } from 'obsidian';
import { renderAdvicePane } from './advice-pane-render';
import type { AdvicePaneActions, AdvicePaneState } from './advice-pane-render';
import { PANE_SECTIONS } from './advice-pane-view';

export const ADVICE_VIEW_TYPE = 'job-hunt-advice';

export interface AdvicePaneHost {
  /** `withPipeline`: the whole hunt too, below the note's advice. */
  state(file: TFile | null, withPipeline: boolean): AdvicePaneState;
  setStage(file: TFile): void;
  newApplication(): void;
  createDashboard(): void;
  createFollowUps(file: TFile): Promise<void>;
  insertCallout(file: TFile): Promise<void>;
  /** Marks a follow-up's task note done (or open again). */
  setDone(path: string, done: boolean): Promise<void>;
}

/** How long the pane waits after the last change before redrawing (a burst of edits draws once). */
export const PANE_REDRAW_DELAY_MS = 400;

export class AdvicePane extends ItemView {
  private file: TFile | null = null;
  /** Sections and advice items the person opened or closed; the sections are kept in the layout. */
  private open: Record<string, boolean> = {};
  /** The person asked for the whole hunt below an application's advice. */
  private withPipeline = false;
  readonly redraw = debounce(() => this.draw(), PANE_REDRAW_DELAY_MS, true);

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: AdvicePaneHost,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return ADVICE_VIEW_TYPE;
  }

  getDisplayText(): string {
    return 'Job hunt advice';
  }

  override getIcon(): string {
    return 'briefcase';
  }

  /** Saved with the workspace layout, as Obsidian's own panes keep their folding. */
  override getState(): Record<string, unknown> {
    const sections: Record<string, boolean> = {};
    for (const id of PANE_SECTIONS) if (this.open[id] !== undefined) sections[id] = this.open[id];
    return { ...super.getState(), sections };
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const sections = (state as { sections?: unknown } | null)?.sections;
    if (typeof sections === 'object' && sections !== null) {
      for (const id of PANE_SECTIONS) {
        const value = (sections as Record<string, unknown>)[id];
        if (typeof value === 'boolean') this.open[id] = value;
      }
    }
    await super.setState(state, result);
  }

  /** The note the pane shows. */
  get followedPath(): string | undefined {
    return this.file?.path;
  }

  override async onOpen(): Promise<void> {
    this.file = this.app.workspace.getActiveFile();
    const { workspace, metadataCache, vault } = this.app;
    this.registerEvent(
      workspace.on('file-open', (file) => {
        // Focusing the sidebar opens no file; a new note (or none) in the editor does.
        this.file = file;
        this.draw();
      }),
    );
    this.registerEvent(metadataCache.on('changed', () => this.redraw()));
    this.registerEvent(vault.on('delete', () => this.redraw()));
    this.registerEvent(vault.on('rename', () => this.redraw()));
    this.register(() => this.redraw.cancel());
    this.draw();
    await Promise.resolve();
  }

  override async onClose(): Promise<void> {
    this.redraw.cancel();
    this.contentEl.empty();
    await Promise.resolve();
  }

  /** Draws now (commands call it after they wrote to the note). */
  draw(): void {
    // A note deleted since it was opened is shown as no note.
    const file = this.file ? this.app.vault.getFileByPath(this.file.path) : null;
    // A redraw while the person reads further down must not jump back to the top.
    const scroll = this.contentEl.scrollTop;
    renderAdvicePane(this.contentEl, { ...this.host.state(file, this.withPipeline), open: this.open }, this.actions(file));
    this.contentEl.scrollTop = scroll;
  }

  private actions(file: TFile | null): AdvicePaneActions {
    const source = file?.path ?? '';
    const actions: AdvicePaneActions = {
      onOpen: (linktext) => void this.app.workspace.openLinkText(linktext, source, false),
      onToggle: (key, open) => {
        this.open[key] = open;
        if ((PANE_SECTIONS as readonly string[]).includes(key)) this.app.workspace.requestSaveLayout();
      },
      // The checkbox shows the tick at once; the redraw after the write shows the note as it is.
      onSetDone: (path, done) => void this.host.setDone(path, done).then(() => this.draw()),
      onCopyDraft: (text) => {
        navigator.clipboard.writeText(text).then(
          () => new Notice('Draft copied. Edit it, then send it yourself.'),
          () => new Notice('Could not copy the draft: select it and copy it by hand.'),
        );
      },
    };
    actions.onNewApplication = () => this.host.newApplication();
    actions.onCreateDashboard = () => this.host.createDashboard();
    actions.onShowPipeline = () => {
      this.withPipeline = !this.withPipeline;
      this.draw();
    };
    if (file) {
      actions.onSetStage = () => this.host.setStage(file);
      actions.onCreateFollowUps = () => void this.host.createFollowUps(file).then(() => this.draw());
      actions.onInsertCallout = () => void this.host.insertCallout(file).then(() => this.draw());
    }
    return actions;
  }
}

/** Opens the pane in the right sidebar, or shows the one already there, without taking focus from the note. */
export async function revealAdvicePane(workspace: Workspace): Promise<void> {
  let leaf = workspace.getLeavesOfType(ADVICE_VIEW_TYPE)[0] ?? null;
  if (!leaf) {
    leaf = workspace.getRightLeaf(false);
    if (!leaf) return;
    // Not active: the person keeps typing in the note the pane follows.
    await leaf.setViewState({ type: ADVICE_VIEW_TYPE, active: false });
  }
  await workspace.revealLeaf(leaf);
}

export function redrawAdvicePanes(workspace: Workspace): void {
  for (const leaf of workspace.getLeavesOfType(ADVICE_VIEW_TYPE)) {
    if (leaf.view instanceof AdvicePane) leaf.view.draw();
  }
}
