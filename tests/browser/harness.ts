// Opens the screenshot page in Debian's Chromium for the browser tests, with the probes injected.
import esbuild from 'esbuild';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { buildPage, pageDir } from '../../scripts/browser-page/build.mjs';
import { chromiumInstalled, launchBrowser, openView, pageInfo } from '../../scripts/browser-page/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const probesFile = path.join(pageDir, 'probes.js');

/** Chromium is required in CI; on a developer machine without it the tests are skipped, saying why. */
export const chromiumMissing = !chromiumInstalled() && !process.env.CI;
if (chromiumMissing) {
  console.warn('Browser tests skipped: no /usr/bin/chromium. Install it with `apt-get install -y --no-install-recommends chromium`.');
}

export interface PageInfo {
  source: string;
  scenes: { id: string; noteName: string; moment: string }[];
  view: string;
  scene?: string;
  advice?: { title: string; detail: string; experts: string[] }[];
}

export interface Session {
  browser: BrowserContext;
  indexPath: string;
  close: () => Promise<void>;
}

export async function startSession(): Promise<Session> {
  const indexPath = await buildPage();
  await esbuild.build({ entryPoints: [path.join(here, 'probes.ts')], bundle: true, outfile: probesFile, format: 'iife', platform: 'browser', logLevel: 'warning' });
  const { browser, close } = await launchBrowser();
  return { browser, indexPath, close };
}

export async function open(
  session: Session,
  query: { view: 'pane' | 'note' | 'pipeline'; scene?: string; theme: 'light' | 'dark'; callout?: 'open' },
  width: number,
): Promise<{ page: Page; info: PageInfo }> {
  const page = await openView(session.browser, session.indexPath, query, width);
  await page.addScriptTag({ path: probesFile });
  return { page, info: (await pageInfo(page)) as PageInfo };
}
