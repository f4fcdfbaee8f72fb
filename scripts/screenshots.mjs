// `npm run screenshots`: draws the advice pane (three example applications, 300 px and 450 px
// sidebars), an application note with the advice callout, and both side by side as an Obsidian
// window shows them, in Obsidian's light and dark themes,
// in headless Chromium, with the project's real renderer, core and styles.css.
// Writes docs/screenshots/*.png, the pictures the README shows.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { buildPage, repoRoot } from './browser-page/build.mjs';
import { shrinkPng } from './browser-page/png.mjs';
import { chromiumInstalled, CHROMIUM, launchBrowser, openView, pageInfo } from './browser-page/browser.mjs';

const THEMES = ['light', 'dark'];
const WIDTHS = [300, 450];
const NOTE_WIDTH = 760;
const WINDOW = { width: 1100, height: 820 };
const outDir = path.join(repoRoot, 'docs', 'screenshots');

if (!chromiumInstalled()) {
  console.error(`No Chromium at ${CHROMIUM}. Install it with: apt-get install -y --no-install-recommends chromium`);
  process.exit(1);
}

const indexPath = await buildPage();
await mkdir(outDir, { recursive: true });
// Old pictures of applications that are no longer shown would linger in the README's folder.
// The VS Code pictures come from `npm run test:vscode`, not from here: they stay.
for (const name of await readdir(outDir)) {
  if (name.endsWith('.png') && !name.startsWith('vscode-')) await rm(path.join(outDir, name));
}

const { browser, close } = await launchBrowser();
try {
  const first = await openView(browser, indexPath, { view: 'pane' }, 300);
  const info = await pageInfo(first);
  await first.close();
  if (info.scenes.length === 0) throw new Error(`no application notes found in ${info.source}`);
  const written = [];
  const shoot = async (query, width, name, height) => {
    const page = await openView(browser, indexPath, query, width, height ?? 400);
    const shot = await page.screenshot({ fullPage: height === undefined });
    await writeFile(path.join(outDir, name), shrinkPng(shot));
    await page.close();
    written.push(name);
  };
  for (const scene of info.scenes) {
    for (const theme of THEMES) {
      for (const width of WIDTHS) {
        await shoot({ view: 'pane', scene: scene.id, theme }, width, `advice-pane-${scene.id}-${theme}-${width}.png`);
      }
    }
  }
  for (const theme of THEMES) await shoot({ view: 'pipeline', theme }, 300, `pipeline-pane-${theme}-300.png`);
  const noteScene = info.scenes.find((s) => s.moment === 'just-interviewed') ?? info.scenes[0];
  for (const theme of THEMES) {
    // The callout is written folded: the note as it opens, then with the callout opened by a click.
    await shoot({ view: 'note', scene: noteScene.id, theme }, NOTE_WIDTH, `note-with-callout-folded-${theme}.png`);
    await shoot({ view: 'note', scene: noteScene.id, theme, callout: 'open' }, NOTE_WIDTH, `note-with-callout-${theme}.png`);
    // What a person sees first: the note and the pane side by side, the window's first screen.
    await shoot({ view: 'window', scene: noteScene.id, theme }, WINDOW.width, `obsidian-window-${theme}.png`, WINDOW.height);
  }
  process.stdout.write(`Wrote ${written.length} screenshots of ${info.scenes.map((s) => `${s.noteName} (${s.moment})`).join(', ')} from ${info.source} to ${path.relative(repoRoot, outDir)}/\n`);
} finally {
  await close();
}
