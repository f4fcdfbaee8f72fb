// Copies the built plugin (main.js, manifest.json, styles.css) into a vault:
//   npm run install-plugin -- <path to your vault> [--config-dir <name>]
// The plugin goes into <vault>/<config folder>/plugins/job-hunt-advisor/, created when needed. The
// config folder is found in the vault (Obsidian lets people rename it); a vault path that doesn't
// exist is refused, so a typo never creates a stray folder somewhere.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FILES = ['main.js', 'manifest.json', 'styles.css'];
/** Files Obsidian keeps in its config folder: how we recognise it. */
const CONFIG_MARKERS = ['app.json', 'appearance.json', 'core-plugins.json', 'community-plugins.json', 'plugins'];

function fail(message) {
  process.stderr.write(`install-plugin: ${message}\n`);
  process.exit(1);
}

function isFolder(path) {
  return existsSync(path) && statSync(path).isDirectory();
}

function configFolder(vault, given) {
  if (given) {
    if (!isFolder(join(vault, given))) fail(`no folder "${given}" in ${vault}.`);
    return given;
  }
  const found = readdirSync(vault).filter((name) => name.startsWith('.') && isFolder(join(vault, name)) && CONFIG_MARKERS.some((m) => existsSync(join(vault, name, m))));
  if (found.length === 1) return found[0];
  if (found.length === 0) fail(`${vault} has no Obsidian config folder yet: open it once as a vault in Obsidian, then run this again.`);
  return fail(`several config folders in ${vault} (${found.join(', ')}): choose one with --config-dir <name>.`);
}

const args = process.argv.slice(2);
const flag = args.indexOf('--config-dir');
const givenConfig = flag >= 0 ? args[flag + 1] : undefined;
const vaultArg = args.find((a, i) => !a.startsWith('--') && (flag < 0 || i !== flag + 1));
if (!vaultArg) fail('give the path of your vault: npm run install-plugin -- <path to your vault>');
const vault = resolve(vaultArg);
if (!isFolder(vault)) fail(`no folder at ${vault}: give the path of an existing vault.`);
for (const file of FILES) {
  if (!existsSync(join(root, file))) fail(`${file} is missing: run npm run build first.`);
}

const { id } = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const target = join(vault, configFolder(vault, givenConfig), 'plugins', id);
mkdirSync(target, { recursive: true });
for (const file of FILES) copyFileSync(join(root, file), join(target, file));
process.stdout.write(`Installed ${FILES.join(', ')} into ${target}.\n`);
process.stdout.write('In Obsidian: Settings, Community plugins, turn on "Job Hunt Advisor" (reload the list if it is not there).\n');
