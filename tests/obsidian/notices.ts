// The mocked Obsidian with every Notice recorded, for a test file's `vi.mock('obsidian', ...)`.
// Imported from inside the mock's factory (which runs before the file's own imports), so this
// module may use Obsidian's types only.
import type * as Obsidian from 'obsidian';

export function withRecordedNotices(real: typeof Obsidian, record: (text: string, message: string | DocumentFragment) => void): typeof Obsidian {
  class RecordingNotice extends real.Notice {
    constructor(message: string | DocumentFragment, duration?: number) {
      super(message, duration);
      record(typeof message === 'string' ? message : message.textContent ?? '', message);
    }
  }
  return { ...real, Notice: RecordingNotice };
}
