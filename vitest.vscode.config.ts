import { defineConfig } from 'vitest/config';

// `npm run test:vscode`: the extension end to end in code-server and Chromium. Apart from the unit
// tests: it needs code-server installed (scripts/vscode-e2e/install.sh) and the built .vsix.
export default defineConfig({
  test: {
    include: ['tests/vscode-e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
