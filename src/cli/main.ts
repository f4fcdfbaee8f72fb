// Entry point of `job-hunt-advisor` (bundled to bin/job-hunt-advisor.cjs): the real process around run().
import process from 'node:process';
import { calendarDate } from '../core/dates';
import { run } from './run';
import { FdOutput } from './stdio';

function localToday(): string {
  const now = new Date();
  // A Date from the clock always has valid parts; the fallback only satisfies the type.
  return calendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? '1970-01-01';
}

const stdout = new FdOutput(1);
// Problems are said as they are found.
const stderr = new FdOutput(2, 0);

process.exitCode = run(process.argv.slice(2), {
  stdout: (text) => stdout.write(text),
  stderr: (text) => stderr.write(text),
  cwd: process.cwd(),
  today: localToday,
});
stdout.flush();
