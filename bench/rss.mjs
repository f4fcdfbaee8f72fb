// Preloaded into a measured process (`node --import ./bench/rss.mjs ...`): on exit, writes the
// process's peak resident memory in KB to the file named by JHA_BENCH_RSS_FILE. Works wherever
// Node runs, unlike `/usr/bin/time -v`.
import * as fs from 'node:fs';
import process from 'node:process';

process.on('exit', () => {
  const file = process.env.JHA_BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
