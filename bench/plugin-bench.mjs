// Placeholder until the plugin lands: reports the plugin rows as not measured.
import process from 'node:process';

process.stdout.write(`${JSON.stringify({ rows: [], missing: [
  { what: "the plugin's vault-wide pass over the metadata cache", goal: '≤ 50 ms', why: 'waiting for the plugin' },
  { what: 'updating that view after one note changes', goal: '≤ 1 ms', why: 'waiting for the plugin' },
  { what: 'plugin `onload` in the mocked host', goal: '≤ 2 ms', why: 'waiting for the plugin' },
] })}\n`);
