import { defineConfig } from 'vitest/config';
import { shared } from './vitest.config';

// `npm run test:stress`: every test, the `[stress]` cases included, with fast-check's full run counts.
export default defineConfig({
  test: { ...shared, env: { ...shared.env, JHA_STRESS: '1' }, testTimeout: 120000 },
});
