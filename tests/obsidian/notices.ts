// Every Notice the plugin shows, recorded for a test file through the mocked Obsidian's own hook
// (`constructor__`, called by each new Notice). No module mock: the file can share its context
// with the other DOM files instead of loading happy-dom and every module again in a fresh one.
import { Notice } from 'obsidian-test-mocks/obsidian';
import { afterAll, vi } from 'vitest';

/** Calls `record` with each new Notice's text (and its message as given) until the file ends. */
export function recordNotices(record: (text: string, message: string | DocumentFragment) => void): void {
  const spy = vi.spyOn(Notice.prototype, 'constructor__').mockImplementation((message) => {
    record(typeof message === 'string' ? message : message.textContent ?? '', message);
  });
  afterAll(() => spy.mockRestore());
}
