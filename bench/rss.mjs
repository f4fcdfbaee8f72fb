// Preloaded into a measured process (`node -r bench/rss.cjs ...`): on exit, writes the process's
// peak resident memory in KB to the file named by JHA_BENCH_RSS_FILE. Works wherever Node runs.
const fs = require('node:fs');
const process = require('node:process');

process.on('exit', () => {
  const file = process.env.JHA_BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
