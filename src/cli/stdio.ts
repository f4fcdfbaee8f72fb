// The tool's output, written straight to its file descriptors. `process.stdout` would load Node's
// stream modules on first use, about a tenth of the start-up of one `advise`; a scan's output is
// gathered and written in large pieces instead of one string for the whole vault.
import { Buffer } from 'node:buffer';
import * as fs from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

export class FdOutput {
  private parts: string[] = [];
  private size = 0;
  /** The reader went away (a pipe into `head`): that is its choice, so the rest is dropped. */
  private closed = false;

  /** `gather`: how many characters to hold before writing (0: every text at once). */
  constructor(private readonly fd: number, private readonly gather = 1 << 16) {}

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.gather) this.flush();
  }

  flush(): void {
    if (this.size === 0 || this.closed) return;
    const bytes = Buffer.from(this.parts.length === 1 ? this.parts[0] ?? '' : this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += fs.writeSync(this.fd, bytes, offset);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'EPIPE') {
          this.closed = true;
          return;
        }
        // A descriptor someone left non-blocking and full: wait a millisecond for the reader.
        if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
        else throw error;
      }
    }
  }
}
