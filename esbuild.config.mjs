// Builds two bundles from one source tree:
// - main.js, the Obsidian plugin (CommonJS, browser platform: it must run on mobile, so no Node modules);
// - bin/job-hunt-advisor-tool.cjs, the command-line tool (Node platform, gray-matter bundled in),
//   beside it the libraries it loads only when needed (bin/job-hunt-advisor-*.cjs), and
//   bin/job-hunt-advisor.cjs, which starts it from V8's code cache made after a production build
//   (scripts/cli-code-cache.mjs, src/cli/launcher.ts);
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

// Libraries only some runs of the tool need, each bundled into its own file beside it and loaded
// on first use, so a start compiles only the code it may run: csv-stringify writes only `export`'s
// CSV, a whole library without state shared with the rest of the tool.
const CLI_LAZY = [
  { module: 'csv-stringify/sync', file: 'job-hunt-advisor-csv.cjs', names: ['stringify'] },
];
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    for (const lib of CLI_LAZY) {
      build.onResolve({ filter: new RegExp(`^${lib.module.replace(/[/.-]/g, '\\$&')}$`) }, () => ({ path: lib.module, namespace: 'lazy-library' }));
    }
    build.onResolve({ filter: /^\.\/job-hunt-advisor-[a-z-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-library' }, (args) => {
      const lib = CLI_LAZY.find((l) => l.module === args.path);
      return {
        contents: `let lib;\nconst load = () => (lib ??= require('./${lib.file}'));\n` +
          lib.names.map((name) => `exports.${name} = (...args) => load().${name}(...args);`).join('\n'),
        loader: 'js',
      };
    });
  },
};
// What every bundle for Node shares: CommonJS for Node 20.
const forNode = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'info', minify: production, treeShaking: true };

const cliLazyChunks = CLI_LAZY.map((lib) => ({
  ...forNode,
  stdin: { contents: `export { ${lib.names.join(', ')} } from '${lib.module}';`, resolveDir: process.cwd(), loader: 'js' },
  outfile: `bin/${lib.file}`,
}));

const cli = {
  ...forNode,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'bin/job-hunt-advisor-tool.cjs',
  plugins: [grayMatterSafeEngines, lazyLibraries],
  // The scan's `import('node:v8')` as a `require`: code V8 restores from the launcher's code cache has
  // no module loader for `import()` (it fails), and a built-in module needs none.
  supported: { 'dynamic-import': false },
  // js-yaml's CommonJS build, the one `require` finds: esbuild would take its ES-module build for our
  // `import`, whose parser builds its state with object spreads and parses about 2.5x slower.
  alias: { 'js-yaml': createRequire(import.meta.url).resolve('js-yaml') },
};

const cliLauncher = {
  ...forNode,
  entryPoints: ['src/cli/launcher.ts'],
  outfile: 'bin/job-hunt-advisor.cjs',
  banner: { js: '#!/usr/bin/env node' },
  plugins: [lazyLibraries],
};

const vscodeExtension = {
  ...forNode,
  entryPoints: ['src/vscode/extension.ts'],
  outfile: 'dist/vscode/extension.js',
  external: ['vscode'],
  sourcemap: production ? false : 'inline',
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

const bundles = [plugin, cli, cliLauncher, ...cliLazyChunks, vscodeExtension, vscodeView];
if (production) {
  await Promise.all(bundles.map((b) => esbuild.build(b)));
  await import('./scripts/cli-code-cache.mjs');
} else {
  const contexts = await Promise.all(bundles.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
}
