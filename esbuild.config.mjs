// Builds two bundles from one source tree:
// - main.js, the Obsidian plugin (CommonJS, browser platform: it must run on mobile, so no Node modules);
// - bin/job-hunt-advisor.cjs, the command-line tool (Node platform, gray-matter bundled in);
// - dist/vscode/, the VS Code extension: extension.js (Node, `vscode` left to VS Code) and the
//   advice view's script (browser); scripts/vscode-package.mjs then makes the .vsix.
import esbuild from 'esbuild';
import { builtinModules, createRequire } from 'node:module';
import process from 'node:process';

const production = process.argv[2] === 'production';

const plugin = {
  entryPoints: ['src/main.ts'],
  bundle: true,
  outfile: 'main.js',
  format: 'cjs',
  platform: 'browser',
  target: 'es2020',
  external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
  logLevel: 'info',
  sourcemap: production ? false : 'inline',
  minify: production,
  treeShaking: true,
};

// gray-matter's default engines (lib/engines.js) bring its own js-yaml 3 and a JavaScript engine
// that `eval`s a `---js` block. src/cli/frontmatter.ts replaces every engine it uses, so the
// defaults are swapped for a module that refuses them all: no `eval` in the tool, and 42 KB less
// to load at each start.
const grayMatterSafeEngines = {
  name: 'gray-matter-safe-engines',
  setup(build) {
    build.onResolve({ filter: /^\.\/(lib\/)?engines$/ }, (args) =>
      /[\\/]gray-matter[\\/]/.test(args.importer) ? { path: 'gray-matter-engines', namespace: 'safe-engines' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'safe-engines' }, () => ({
      contents: "const refuse = () => { throw new Error('this front matter language is not read'); };\n" +
        'const engine = { parse: refuse, stringify: refuse };\n' +
        'module.exports = { yaml: engine, json: engine, javascript: engine };\n',
      loader: 'js',
    }));
  },
};

const cli = {
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  outfile: 'bin/job-hunt-advisor.cjs',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'info',
  minify: production,
  treeShaking: true,
  plugins: [grayMatterSafeEngines],
  // js-yaml's CommonJS build, the one `require` finds: esbuild would take its ES-module build for our
  // `import`, whose parser builds its state with object spreads and parses about 2.5x slower.
  alias: { 'js-yaml': createRequire(import.meta.url).resolve('js-yaml') },
};

const vscodeExtension = {
  entryPoints: ['src/vscode/extension.ts'],
  bundle: true,
  outfile: 'dist/vscode/extension.js',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  logLevel: 'info',
  sourcemap: production ? false : 'inline',
  minify: production,
  treeShaking: true,
  plugins: [grayMatterSafeEngines],
};

const vscodeView = {
  entryPoints: ['src/vscode/webview/advice-view.ts'],
  bundle: true,
  outfile: 'dist/vscode/media/advice-view.js',
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  logLevel: 'info',
  minify: production,
  treeShaking: true,
};

const bundles = [plugin, cli, vscodeExtension, vscodeView];
if (production) {
  await Promise.all(bundles.map((b) => esbuild.build(b)));
} else {
  const contexts = await Promise.all(bundles.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
}
