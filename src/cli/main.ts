// Entry point of `job-hunt-advisor` (bundled to bin/job-hunt-advisor.cjs): the real process around run().
import process from 'node:process';
import { calendarDate } from '../core/dates';
import { run } from './run';

function localToday(): string {
  const now = new Date();
  // A Date from the clock always has valid parts; the fallback only satisfies the type.
  return calendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? '1970-01-01';
}

// Output piped into `head` closes early: that is the reader's choice, not an error to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: Error & { code?: string }) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = run(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  today: localToday,
});
