// Runs inside the advice view's webview: draws the state the extension sends with the same renderer
// as the Obsidian pane, and reports button presses back. Text is set as text, never as HTML.
import { installObsidianDom } from '../../../scripts/browser-page/obsidian-dom';
import { renderAdvicePane } from '../../ui/advice-pane-render';
import type { AdvicePaneState } from '../../ui/advice-pane-render';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
  getState(): unknown;
}

declare function acquireVsCodeApi(): VsCodeApi;

installObsidianDom();
const vscode = acquireVsCodeApi();
const root = document.getElementById('root') ?? document.body;

/** Sections the person opened or closed: kept here, across redraws and while the view is hidden. */
let open: Record<string, boolean> = {};

function draw(state: AdvicePaneState): void {
  renderAdvicePane(root, { ...state, open }, {
    onCreateFollowUps: () => vscode.postMessage({ type: 'createFollowUps' }),
    onInsertCallout: () => vscode.postMessage({ type: 'insertCallout' }),
    onCopyDraft: (text) => vscode.postMessage({ type: 'copyDraft', text }),
    onOpen: (target) => vscode.postMessage({ type: 'open', target }),
    onSetDone: (path, done) => vscode.postMessage({ type: 'setDone', path, done }),
    onShowPipeline: () => vscode.postMessage({ type: 'showPipeline' }),
    onNewApplication: () => vscode.postMessage({ type: 'newApplication' }),
    onToggle: (key, isOpen) => {
      open = { ...open, [key]: isOpen };
      vscode.setState({ state, open });
    },
  });
  document.body.dataset.ready = 'true';
}

window.addEventListener('message', (event: MessageEvent<{ type?: unknown; state?: unknown } | null>) => {
  const data = event.data;
  if (data && data.type === 'state' && typeof data.state === 'object' && data.state !== null) {
    const state = data.state as AdvicePaneState;
    vscode.setState({ state, open });
    draw(state);
  }
});

// Drawn at once from the last state (the view was hidden and shown again), then kept current.
const previous = vscode.getState() as { state?: AdvicePaneState; open?: Record<string, boolean> } | undefined;
if (previous?.open) open = previous.open;
if (previous?.state) draw(previous.state);
vscode.postMessage({ type: 'ready' });
