// Makes the VS Code extension from the bundles esbuild.config.mjs wrote into dist/vscode/: its own
// package.json (from src/vscode/manifest.ts, so the commands and settings are the ones the code
// registers), the stylesheets and icon, a README and the licence; then the .vsix, with vsce.
import esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'dist', 'vscode');
const media = path.join(out, 'media');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

mkdirSync(media, { recursive: true });
// The manifest module is TypeScript: bundled, then run, to write the package.json.
const manifestScript = path.join(root, 'dist', 'vscode-manifest.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'scripts/vscode-manifest.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: manifestScript, logLevel: 'warning' });
execFileSync(process.execPath, [manifestScript, path.join(out, 'package.json'), version], { stdio: 'inherit' });
// The view wears the pane's own styles (shared with Obsidian), on VS Code's theme variables.
writeFileSync(
  path.join(media, 'advice-view.css'),
  `${readFileSync(path.join(root, 'src/vscode/media/advice-view-theme.css'), 'utf8')}\n${readFileSync(path.join(root, 'styles.css'), 'utf8')}`,
);
for (const file of ['preview.css', 'icon.svg']) copyFileSync(path.join(root, 'src/vscode/media', file), path.join(media, file));
copyFileSync(path.join(root, 'LICENSE'), path.join(out, 'LICENSE'));
copyFileSync(path.join(root, 'src/vscode/README.md'), path.join(out, 'README.md'));
writeFileSync(path.join(out, '.vscodeignore'), '**/*.map\n');

const vsix = path.join(root, 'dist', `job-hunt-advisor-${version}.vsix`);
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// Bundled already: no node_modules to pack. No repository field: the README has no relative links.
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], {
  cwd: out,
  stdio: ['ignore', 'inherit', 'inherit'],
});
process.stdout.write(`VS Code extension: ${path.relative(root, vsix)} (unpacked in ${path.relative(root, out)})\n`);
