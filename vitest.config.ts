import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `obsidian` ships only types, so tests resolve it to obsidian-test-mocks' in-memory host.
const obsidianMock = fileURLToPath(
  new URL('./node_modules/obsidian-test-mocks/dist/lib/esm/obsidian/index.mjs', import.meta.url),
);

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    alias: { obsidian: obsidianMock },
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20000,
  },
});
