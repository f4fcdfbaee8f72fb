import { afterAll, expect } from 'vitest';

// Every test file runs with the Obsidian mocks' DOM helpers available (createEl, empty, ...)
// only where a DOM exists; core tests run in plain Node.
if (typeof document !== 'undefined') {
  const { setup } = await import('obsidian-test-mocks/setup');
  setup();
}

// Test files share a context (vitest.config.ts): after a VS Code test file, the next one gets a new
// vscode mock (tests/vscode/vscode-mock.ts), as if in a fresh extension host.
if (/[\\/]tests[\\/]vscode[\\/]/.test(expect.getState().testPath ?? '')) {
  afterAll(async () => (await import('./vscode/vscode-mock')).renewVscode());
}
export {};
