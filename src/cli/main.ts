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

function main(): void {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (text) => stdout.write(text),
    stderr: (text) => stderr.write(text),
    cwd: process.cwd(),
    today: localToday,
  });
  stdout.flush();
}

if (process.argv[2] === 'followups') {
  // A scan makes garbage note after note while keeping a little of each, so V8 keeps doubling the
  // young generation, to 32 MB, which the scan never needs (peak memory of a 10,000-note scan:
  // about 140 MB grown, 100 MB kept at its first size, for about a tenth more CPU in the collector's
  // more frequent scavenges, measured). The factor is read
  // when the young generation would grow, so it still applies once the process runs; only the scan
  // sets it, and `node:v8` is loaded for it alone (its loading is felt in one `advise`).
  void import('node:v8').then((v8) => {
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    main();
  });
} else {
  main();
}
