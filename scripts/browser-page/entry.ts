// The screenshot page. `?view=pane&scene=<id>&theme=dark` draws the advice pane for one example
// application, with the project's real core and pane renderer; `?view=note&scene=<id>` draws the
// application note in reading view with the real advice callout in it; `?view=window` both, side
// by side, as an Obsidian window shows them; `?view=pipeline` the pane on a note that is not an
// application: the whole hunt. In the pane view the sidebar is as wide as the
// window, so the caller sets its width through the viewport.
import type {} from 'obsidian'; // Obsidian's global DOM helper types (createEl, empty, ...)
import { installObsidianDom } from './obsidian-dom';
import { loadScenes, type Scene } from './scenes';
import { renderInline, renderBlocks } from './markdown';
import { renderScenePane, type PageHostLog } from './pane-state';
import { renderPipelinePane } from './pipeline-state';
import { insertOrRefreshBlock, renderAdviceCallout } from '../../src/core/callout';

installObsidianDom();

const params = new URLSearchParams(location.search);
const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
document.body.addClass(`theme-${theme}`);

const { scenes, all, source, settings } = loadScenes();
const wanted = params.get('scene');
const scene = scenes.find((s) => s.id === wanted) ?? scenes[0];

/** What the screenshot script and the tests read back: which scenes exist, and what was drawn. */
interface PageInfo {
  source: string;
  scenes: { id: string; noteName: string; moment: string }[];
  view: string;
  scene?: string;
  /** The drawn scene's advice, as the core gave it, for the tests to find on screen. */
  advice?: { title: string; detail: string; experts: string[] }[];
  /** What the pane asked its host to do (tick a task, fold a section). */
  log: PageHostLog;
}
const info: PageInfo = {
  source,
  scenes: scenes.map((s) => ({ id: s.id, noteName: s.application.noteName, moment: s.report.moment })),
  view: params.get('view') ?? 'pane',
  log: { setDone: [], toggled: [] },
};
if (scene) {
  info.scene = scene.id;
  info.advice = scene.report.advice.map((a) => ({ title: a.title, detail: a.detail, experts: a.experts.map((e) => e.name) }));
}
(window as unknown as { jobHuntPage: PageInfo }).jobHuntPage = info;

function drawPane(s: Scene, parent: HTMLElement = document.body): void {
  const split = parent.createDiv({ cls: 'workspace-split mod-right-split' });
  const leaf = split.createDiv({ cls: 'workspace-leaf' });
  const content = leaf.createDiv({ cls: 'workspace-leaf-content', attr: { 'data-type': 'job-hunt-advice' } });
  const header = content.createDiv({ cls: 'view-header' });
  header.createDiv({ cls: 'view-header-title', text: 'Job hunt advice' });
  const view = content.createDiv({ cls: 'view-content' });
  renderScenePane(view, s, all, settings, info.log);
}

function propertyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(propertyText).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${propertyText(v)}`)
      .join('; ');
  }
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function drawNote(s: Scene, parent: HTMLElement = document.body): void {
  const preview = parent.createDiv({ cls: 'markdown-preview-view markdown-rendered' });
  const sizer = preview.createDiv({ cls: 'markdown-preview-sizer markdown-preview-section' });
  sizer.createDiv({ cls: 'inline-title', text: s.application.noteName });
  const properties = sizer.createDiv({ cls: 'metadata-container' });
  properties.createDiv({ cls: 'metadata-properties-heading', text: 'Properties' });
  for (const [key, value] of Object.entries(s.frontmatter)) {
    const row = properties.createDiv({ cls: 'metadata-property', attr: { 'data-property-key': key } });
    row.createDiv({ cls: 'metadata-property-key', text: key });
    renderInline(row.createDiv({ cls: 'metadata-property-value' }), propertyText(value));
  }
  const callout = renderAdviceCallout(s.report, s.followUps);
  const text = insertOrRefreshBlock(s.body, callout, 'top');
  renderBlocks(sizer, text.split(/\r?\n/));
}

if (!scene) {
  document.body.createEl('p', { text: 'No application notes to show.' });
} else if (info.view === 'note') {
  drawNote(scene);
} else if (info.view === 'pipeline') {
  // The pane on a note that is not an application: the whole hunt.
  const leaf = document.body.createDiv({ cls: 'workspace-split mod-right-split' }).createDiv({ cls: 'workspace-leaf' });
  const content = leaf.createDiv({ cls: 'workspace-leaf-content', attr: { 'data-type': 'job-hunt-advice' } });
  content.createDiv({ cls: 'view-header' }).createDiv({ cls: 'view-header-title', text: 'Job hunt advice' });
  renderPipelinePane(content.createDiv({ cls: 'view-content' }), all, settings);
} else if (info.view === 'window') {
  const workspace = document.body.createDiv({ cls: 'workspace' });
  drawNote(scene, workspace.createDiv({ cls: 'workspace-split mod-root' }));
  drawPane(scene, workspace);
} else {
  drawPane(scene);
}
document.body.setAttr('data-ready', 'true');
