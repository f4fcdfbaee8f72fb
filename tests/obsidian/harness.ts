// A vault in memory (obsidian-test-mocks) with the real plugin loaded in it, as Obsidian would:
// onload, then layout ready. Only the host is mocked; the core and the adapters are the real ones.
import { TFile } from 'obsidian';
import type { App as AppOriginal, Editor, PluginManifest } from 'obsidian';
import { App, MarkdownView, Plugin, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { afterEach, vi } from 'vitest';
import JobHuntAdvisorPlugin from '../../src/main';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { VaultPack } from '../../src/obsidian/advice-pack';
import { VaultNotes } from '../../src/obsidian/vault-notes';

export const TODAY = '2026-03-09';

export const MANIFEST: PluginManifest = {
  id: 'job-hunt-advisor',
  name: 'Job Hunt Advisor',
  version: '0.1.0',
  minAppVersion: '1.7.2',
  description: 'Test.',
  author: 'Test',
};

/** An application a week after the interview was scheduled: interview ahead on TODAY. */
export const KESTREL = `---
stage: Interviewing
company: Kestrel Health
role: Product Designer
applied: 2026-02-20
interviews:
  - date: 2026-03-12
    interviewers:
      - "[[Ana Silva]]"
      - Ben Ito
hiring_manager: "[[Ana Silva]]"
---
# Kestrel Health

My own notes: prepare the booking case study.
`;

export const ANA = `---
linkedin: https://www.linkedin.com/in/example-ana-silva
---
Design lead.
`;

export const APPLICATION_PATH = 'Applications/Kestrel Health.md';

export function makeApp(files: Record<string, string> = {}): App {
  const app = App.createConfigured__({ files: { [APPLICATION_PATH]: KESTREL, 'People/Ana Silva.md': ANA, 'Ideas.md': '# Not an application\n', ...files } });
  bytesLikeADisk(app);
  return app;
}

interface MemoryAdapter {
  textFiles: Map<string, string>;
  readBinary(path: string): Promise<ArrayBuffer>;
}

/** Notes whose bytes on "disk" are not the UTF-8 of their text: the text Obsidian shows, and the bytes. */
const rawBytes = new WeakMap<object, Map<string, { shown: string; bytes: Uint8Array }>>();

/**
 * The mock keeps a note's text and its bytes apart (readBinary of a note fails); Obsidian reads
 * both from one file. So a note's bytes are its text in UTF-8, unless `writeRawBytes` put bytes
 * there that Obsidian would show decoded, with U+FFFD for what does not decode.
 */
function bytesLikeADisk(app: App): void {
  if (rawBytes.has(app.vault.adapter)) return;
  const adapter = app.vault.adapter as unknown as MemoryAdapter;
  const raw = new Map<string, { shown: string; bytes: Uint8Array }>();
  rawBytes.set(app.vault.adapter, raw);
  const readBinary = adapter.readBinary.bind(adapter);
  adapter.readBinary = async (path: string): Promise<ArrayBuffer> => {
    const text = adapter.textFiles.get(path);
    if (text === undefined) return readBinary(path);
    const r = raw.get(path);
    const bytes = r && r.shown === text ? r.bytes : new TextEncoder().encode(text);
    return Promise.resolve(Uint8Array.from(bytes).buffer);
  };
}

/**
 * Puts bytes in the note at `path` (made by makeApp with `lossy(bytes)` as its text, so the
 * metadata cache knows it), as a file on disk that Obsidian shows decoded.
 */
export function writeRawBytes(app: App, path: string, bytes: Uint8Array): void {
  const shown = lossy(bytes);
  (app.vault.adapter as unknown as MemoryAdapter).textFiles.set(path, shown);
  rawBytes.get(app.vault.adapter)?.set(path, { shown, bytes });
}

/** Bytes decoded as Obsidian decodes a note: U+FFFD for whatever is not UTF-8. */
export function lossy(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

export function original(app: App): AppOriginal {
  return app.asOriginalType__();
}

/** The vault read as the plugin reads it, without the plugin: no bodies read yet, a pack never read (the nine alone). */
export function vaultNotes(app: AppOriginal, settings: Settings = DEFAULT_SETTINGS): VaultNotes {
  return new VaultNotes(app, new VaultPack(app, { settings: () => settings, changed: () => undefined, problem: () => undefined }));
}

/** For vi.waitFor on the plugin's work: checked every millisecond (its own default waits 50 ms a check). */
export const PROMPTLY = { interval: 1 };

export interface Running {
  /** The vault as the plugin sees it (Obsidian's types). */
  app: AppOriginal;
  /** The same vault with the mock's test helpers. */
  mockApp: App;
  plugin: JobHuntAdvisorPlugin;
  mock: Plugin;
}

/**
 * The tests stand for a person who answered the first-run question about automatic creation
 * already, unless their data says otherwise (`autoCreateConsent: 'ask'` for a first run).
 */
function answeredBefore(data: unknown): unknown {
  const copy: Record<string, unknown> = typeof data === 'object' && data !== null ? structuredClone(data as Record<string, unknown>) : {};
  const settings = typeof copy.settings === 'object' && copy.settings !== null ? (copy.settings as Record<string, unknown>) : {};
  copy.settings = { autoCreateConsent: 'answered', ...settings };
  return copy;
}

/** Loads the plugin with `data` as its data.json, then makes the layout ready and waits for the start-up scan. */
export async function startPlugin(app: App, data?: unknown, ready = true): Promise<Running> {
  bytesLikeADisk(app);
  const plugin = new JobHuntAdvisorPlugin(original(app), MANIFEST);
  const mock = Plugin.fromOriginalType2__(plugin);
  mock.data__ = answeredBefore(data);
  plugin.today = () => TODAY;
  plugin.load();
  // onload is async and sets sync a few turns in: checked every millisecond (waitFor's own 50 ms
  // was most of a start-up, and the suite starts the plugin a hundred times).
  await vi.waitFor(() => {
    if (!plugin.sync) throw new Error('not loaded yet');
  }, PROMPTLY);
  if (ready) {
    app.workspace.setLayoutReady__();
    await plugin.sync.idle();
  }
  return { app: original(app), mockApp: app, plugin, mock };
}

/**
 * The plugins a test file starts (push each one): unloaded after every test, then `after` runs
 * (clearing the notices the test recorded, say).
 */
export function unloadedAfterEach(after: () => void = () => undefined): Running[] {
  const running: Running[] = [];
  afterEach(() => {
    for (const r of running.splice(0)) r.plugin.unload();
    after();
  });
  return running;
}

/** What the plugin saved as data.json. */
export function savedData(r: Running): unknown {
  return structuredClone(r.mock.data__);
}

export function taskNotes(app: AppOriginal): TFile[] {
  return app.vault.getMarkdownFiles().filter((f) => f.path.startsWith('Job hunt tasks/'));
}

export function read(app: AppOriginal, path: string): string {
  return App.fromOriginalType__(app).vault.readSync__(file(app, path) as never);
}

export function file(app: AppOriginal, path: string): TFile {
  const f = app.vault.getAbstractFileByPath(path);
  if (!(f instanceof TFile)) throw new Error(`no note at ${path}`);
  return f;
}

/** The editor of a Markdown view holding `text`, as when the note is open. */
export function editorWith(app: AppOriginal, text: string): Editor {
  const view = MarkdownView.create2__(WorkspaceLeaf.create2__(App.fromOriginalType__(app)));
  view.editor.setValue(text);
  return view.editor.asOriginalType__();
}

/** Settles queued follow-up runs and the metadata events they caused. */
export async function settle(r: Running): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await r.plugin.sync.idle();
    await new Promise((resolve) => window.setTimeout(resolve, 0));
  }
}
