// What the plugin tells the person in passing: what it created (with a way to open it) and what it
// could not do (naming the note).
import { Notice } from 'obsidian';
import type { App, TFile } from 'obsidian';

export interface CreatedTasks {
  application: TFile;
  notes: TFile[];
}

/** Long enough to reach for the link. */
const CREATED_NOTICE_MS = 12000;
const MAX_LINKS = 4;

export function createdNotice(app: App, created: CreatedTasks[]): Notice {
  const total = created.reduce((n, c) => n + c.notes.length, 0);
  const names = created.map((c) => c.application.basename);
  const fragment = createFragment((f) => {
    const whose = names.length === 1 ? `"${names[0] ?? ''}"` : `${names.length} applications`;
    f.appendText(`Job Hunt Advisor created ${total === 1 ? '1 follow-up task' : `${total} follow-up tasks`} for ${whose}:`);
    const list = f.createEl('ul', { cls: 'jha-notice-list' });
    for (const note of created.flatMap((c) => c.notes).slice(0, MAX_LINKS)) {
      const a = list.createEl('li').createEl('a', { text: note.basename, href: '#', cls: 'jha-notice-link' });
      a.addEventListener('click', (event) => {
        event.preventDefault();
        void app.workspace.openLinkText(note.path, '', false);
      });
    }
    if (total > MAX_LINKS) f.createDiv({ text: `and ${total - MAX_LINKS} more in the tasks folder.` });
  });
  return new Notice(fragment, CREATED_NOTICE_MS);
}

export function problemNotice(message: string): Notice {
  return new Notice(`Job Hunt Advisor: ${message}`, 10000);
}
