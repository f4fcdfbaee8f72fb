import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';

export default defineConfig([
  globalIgnores(['node_modules/', 'main.js', 'bin/', 'dist/', 'coverage/', 'bench/.vault/', 'docs/']),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.mjs', 'esbuild.config.mjs', 'bench/*.mjs', 'scripts/*.mjs', 'scripts/browser-page/*.mjs', 'scripts/vscode-e2e/*.mjs', 'vitest.browser.config.ts', 'vitest.vscode.config.ts'],
          // Build, benchmark and screenshot scripts are plain .mjs outside tsconfig: more than the default 8.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 40,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // js-yaml is gray-matter's own YAML parser; the CLI hands it js-yaml's safe core schema so
    // dates stay strings, exactly as Obsidian's metadata cache gives them.
    files: ['package.json'],
    rules: { 'depend/ban-dependencies': ['error', { allowed: ['js-yaml'] }] },
  },
  {
    // The CLI's Node adapter, tests, benchmarks and build scripts never enter main.js:
    // they may use Node modules. The plugin's own code stays fully checked.
    files: ['src/cli/**', 'tests/**', 'bench/**', 'scripts/**', '*.mjs', 'vitest.config.ts', 'vitest.browser.config.ts', 'vitest.vscode.config.ts'],
    rules: {
      'import/no-nodejs-modules': 'off',
      'obsidianmd/no-nodejs-modules': 'off',
      'obsidianmd/prefer-active-window-timers': 'off',
      'obsidianmd/prefer-active-doc': 'off',
      'no-restricted-globals': 'off',
    },
  },
  {
    // The VS Code extension runs in VS Code's Node extension host and its webview, not in Obsidian:
    // there are no popout windows, so Obsidian's window-timer and active-document rules do not apply.
    // Its end-to-end test drives code-server from Node.
    files: ['src/vscode/**', 'tests/vscode/**', 'tests/vscode-e2e/**'],
    rules: {
      'obsidianmd/prefer-window-timers': 'off',
      'obsidianmd/prefer-active-window-timers': 'off',
      'obsidianmd/prefer-active-doc': 'off',
    },
  },
  {
    // The onload benchmark installs happy-dom's DOM on Node's global object: there is no window yet.
    files: ['bench/onload-bench.mjs'],
    rules: { 'obsidianmd/no-global-this': 'off' },
  },
]);
