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

function draw(state: AdvicePaneState): void {
  renderAdvicePane(root, state, {
    onCreateFollowUps: () => vscode.postMessage({ type: 'createFollowUps' }),
    onInsertCallout: () => vscode.postMessage({ type: 'insertCallout' }),
    onCopyDraft: (text) => vscode.postMessage({ type: 'copyDraft', text }),
    onOpen: (target) => vscode.postMessage({ type: 'open', target }),
  });
  document.body.dataset.ready = 'true';
}

window.addEventListener('message', (event: MessageEvent<{ type?: unknown; state?: unknown } | null>) => {
  const data = event.data;
  if (data && data.type === 'state' && typeof data.state === 'object' && data.state !== null) {
    const state = data.state as AdvicePaneState;
    vscode.setState(state);
    draw(state);
  }
});

// Drawn at once from the last state (the view was hidden and shown again), then kept current.
const previous = vscode.getState();
if (typeof previous === 'object' && previous !== null) draw(previous);
vscode.postMessage({ type: 'ready' });
