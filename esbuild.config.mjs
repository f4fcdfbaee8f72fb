// Builds two bundles from one source tree:
// - main.js, the Obsidian plugin (CommonJS, browser platform: it must run on mobile, so no Node modules);
// - bin/job-hunt-advisor.cjs, the command-line tool (Node platform, gray-matter bundled in).
import esbuild from 'esbuild';
import { builtinModules } from 'node:module';
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

// gray-matter loads a js-yaml 3 of its own for default engines that src/cli/frontmatter.ts replaces
// with its own (js-yaml's core schema). Left in, that copy adds 42 KB to the CLI and a seventh of
// the start-up time of one `advise`; a stub that refuses to run stands in for it.
const noGrayMatterYaml = {
  name: 'no-gray-matter-yaml',
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, (args) =>
      /[\\/]gray-matter[\\/]/.test(args.importer) ? { path: 'js-yaml', namespace: 'unused-yaml' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'unused-yaml' }, () => ({
      contents: "const unused = () => { throw new Error('gray-matter\\'s own YAML engine is not used'); };\n" +
        'module.exports = { safeLoad: unused, safeDump: unused };\n',
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
  plugins: [noGrayMatterYaml],
};

if (production) {
  await Promise.all([esbuild.build(plugin), esbuild.build(cli)]);
} else {
  const contexts = await Promise.all([esbuild.context(plugin), esbuild.context(cli)]);
  await Promise.all(contexts.map((c) => c.watch()));
}
