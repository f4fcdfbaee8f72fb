// Builds the page the screenshots and browser tests open: the project's real pane renderer and core,
// bundled for the browser with a shim for Obsidian's DOM helpers, Obsidian's default theme
// variables and the project's styles.css. Application notes are read here, in Node, with js-yaml's
// JSON schema (dates stay `YYYY-MM-DD` strings, as Obsidian's metadata cache gives them).
import esbuild from 'esbuild';
import { JSON_SCHEMA, load as loadYaml } from 'js-yaml';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const pageDir = path.join(repoRoot, 'dist', 'browser-page');

/** The day the screenshots are taken "on": fixed, so pictures and tests do not drift with the clock. */
export const TODAY = '2026-03-09';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

async function markdownFiles(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await markdownFiles(full)));
    else if (entry.name.endsWith('.md')) found.push(full);
  }
  return found;
}

/** The application notes of the example vault, as Obsidian's metadata cache would give them. */
async function readNotes() {
  const root = path.join(repoRoot, 'examples', 'vault');
  const files = existsSync(root) ? await markdownFiles(root) : [];
  if (files.length === 0) throw new Error(`no notes in ${root}: the screenshots show the example vault`);
  const notes = [];
  for (const file of files.sort()) {
    const text = await readFile(file, 'utf8');
    const match = FRONTMATTER.exec(text);
    if (!match) continue;
    let frontmatter;
    try {
      frontmatter = loadYaml(match[1] ?? '', { schema: JSON_SCHEMA });
    } catch {
      continue; // a broken note is the robustness work's subject, not the screenshots'
    }
    notes.push({ path: path.relative(root, file).split(path.sep).join('/'), frontmatter, body: text.slice(match[0].length) });
  }
  // The vault's own settings (the person's name for drafts, the tasks folder), as the CLI reads them.
  const config = path.join(root, '.job-hunt-advisor.json');
  const settings = existsSync(config) ? JSON.parse(await readFile(config, 'utf8')) : {};
  return { source: path.relative(repoRoot, root), notes, settings };
}

function scriptJson(value) {
  // Inside <script>, "</" would end the element early.
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Builds dist/browser-page/ and returns the path of index.html. */
export async function buildPage() {
  await mkdir(pageDir, { recursive: true });
  const obsidianShim = path.join(here, 'obsidian-shim.ts');
  await esbuild.build({
    entryPoints: [path.join(here, 'entry.ts')],
    bundle: true,
    outfile: path.join(pageDir, 'page.js'),
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    logLevel: 'warning',
    plugins: [
      {
        name: 'obsidian-shim',
        setup(build) {
          build.onResolve({ filter: /^obsidian$/ }, () => ({ path: obsidianShim }));
        },
      },
    ],
  });
  await copyFile(path.join(here, 'obsidian-theme.css'), path.join(pageDir, 'obsidian-theme.css'));
  const styles = path.join(repoRoot, 'styles.css');
  if (existsSync(styles)) await copyFile(styles, path.join(pageDir, 'styles.css'));
  else await writeFile(path.join(pageDir, 'styles.css'), '/* styles.css not written yet */\n');
  const data = { today: TODAY, ...(await readNotes()) };
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Job Hunt Advisor page</title>
<link rel="stylesheet" href="obsidian-theme.css">
<link rel="stylesheet" href="styles.css">
</head>
<body>
<script type="application/json" id="notes">${scriptJson(data)}</script>
<script src="page.js"></script>
</body>
</html>
`;
  const indexPath = path.join(pageDir, 'index.html');
  await writeFile(indexPath, html);
  return indexPath;
}
