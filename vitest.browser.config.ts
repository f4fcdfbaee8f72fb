import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the pane and the callout in Debian's Chromium (driven from Node through
// playwright-core), apart from the unit tests because it needs a browser and a built page.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    // One page build in dist/browser-page at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
