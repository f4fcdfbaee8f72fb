import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `obsidian` ships only types, so tests resolve it to obsidian-test-mocks' in-memory host.
const obsidianMock = fileURLToPath(
  new URL('./node_modules/obsidian-test-mocks/dist/lib/esm/obsidian/index.mjs', import.meta.url),
);

// `npm test`: every behaviour guard, quickly. Cases titled `[stress]` (100-run loops, 5 MB notes,
// 1,000 applications) run with `npm run test:stress` (vitest.stress.config.ts), as do the full
// fast-check run counts (tests/stress.ts).
export const shared = {
  include: ['tests/**/*.test.ts'],
  exclude: ['tests/browser/**', 'node_modules/**'],
  alias: { obsidian: obsidianMock },
  environment: 'node',
  setupFiles: ['tests/setup.ts'],
  testTimeout: 20000,
};

// Test files that mock modules (obsidian, vscode), use a DOM, or change the zone or the timers run
// each in a fresh context; the rest (most of the core and the CLI) share one context per worker
// thread, which spares each file its own module loading: about a quarter of the run's time.
const isolated = ['tests/ui/**/*.test.ts', 'tests/obsidian/**/*.test.ts', 'tests/vscode/**/*.test.ts', 'tests/robustness/**/*.test.ts', 'tests/core/dates*.test.ts', 'tests/core/tasknotes-compat.test.ts'];
const { include, exclude, ...common } = shared;

export default defineConfig({
  test: {
    ...common,
    testNamePattern: /^(?!.*\[stress\])/,
    projects: [
      { extends: true, test: { name: 'isolated', include: isolated, exclude } },
      { extends: true, test: { name: 'shared', include, exclude: [...exclude, ...isolated], isolate: false, pool: 'threads' } },
    ],
  },
});
