// Global set-up of the unit tests (vitest.config.ts): when the run ends, the one folder that holds
// every temporary folder its tests made is removed, with anything a test left in it.
import { rmSync } from 'node:fs';
import process from 'node:process';

export default function setup(): () => void {
  return () => {
    const root = process.env.JHA_TEST_TEMP;
    if (root) rmSync(root, { recursive: true, force: true });
  };
}
