// Starts Debian's Chromium through playwright-core (never a downloaded browser), with a throw-away
// profile and no background network traffic, and opens pages of the built screenshot page.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';

export function chromiumInstalled() {
  return existsSync(CHROMIUM);
}

/** Launches Chromium; `browser` is its only context; `close()` also removes the profile directory. */
export async function launchBrowser() {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'jha-chromium-'));
  // A persistent context is playwright's way to give Chromium a profile directory of our choosing.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    deviceScaleFactor: 1,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens one view of the page at a given width and waits until it is drawn.
 * `query`: { view: 'pane' | 'note', scene, theme: 'light' | 'dark' }.
 */
export async function openView(browser, indexPath, query, width, height = 900) {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const url = pathToFileURL(indexPath);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  await page.goto(url.href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 10000 }).catch(() => {
    throw new Error(`page did not finish drawing: ${errors.join('; ') || 'no error reported'}`);
  });
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  return page;
}

/** The scenes the page chose (three applications at different moments). */
export async function pageInfo(page) {
  return page.evaluate(() => window.jobHuntPage);
}
