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

export default defineConfig({
  test: { ...shared, testNamePattern: /^(?!.*\[stress\])/ },
});
