// Every test file runs with the Obsidian mocks' DOM helpers available (createEl, empty, ...)
// only where a DOM exists; core tests run in plain Node.
if (typeof document !== 'undefined') {
  const { setup } = await import('obsidian-test-mocks/setup');
  setup();
}
export {};
