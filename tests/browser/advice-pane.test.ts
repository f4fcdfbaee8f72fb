// The advice pane and the advice callout as a user sees them: the project's real renderer, core and
// styles.css, in Chromium, at a narrow sidebar width, in Obsidian's light and dark themes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ContrastFinding, FocusStop, OverflowFinding } from './probes';
import { chromiumMissing, open, startSession, type PageInfo, type Session } from './harness';

const THEMES = ['light', 'dark'] as const;
const NARROW = 300;
const MIN_CONTRAST = 4.5;

describe.skipIf(chromiumMissing)('advice pane in Chromium', () => {
  let session: Session;
  let scenes: PageInfo['scenes'] = [];

  beforeAll(async () => {
    session = await startSession();
    const { page, info } = await open(session, { view: 'pane', theme: 'light' }, NARROW);
    scenes = info.scenes;
    await page.close();
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  async function withPane<T>(scene: string, theme: 'light' | 'dark', run: (page: Page, info: PageInfo) => Promise<T>): Promise<T> {
    const { page, info } = await open(session, { view: 'pane', scene, theme }, NARROW);
    try {
      return await run(page, info);
    } finally {
      await page.close();
    }
  }

  it('shows three example applications at three different moments', () => {
    expect(scenes).toHaveLength(3);
    expect(new Set(scenes.map((s) => s.moment)).size).toBe(3);
  });

  it('fits a 300 px sidebar: nothing scrolls or sticks out sideways', async () => {
    const findings: (OverflowFinding & { where: string })[] = [];
    for (const scene of scenes) {
      for (const theme of THEMES) {
        const found = await withPane(scene.id, theme, (page) => page.evaluate(() => window.jobHuntProbes.overflow('.view-content')));
        findings.push(...found.map((f) => ({ where: `${scene.id} (${theme})`, ...f })));
      }
    }
    expect(findings).toEqual([]);
  });

  it('shows the experts on every advice card', async () => {
    for (const scene of scenes) {
      await withPane(scene.id, 'light', async (page, info) => {
        const advice = info.advice ?? [];
        expect(advice.length, `${scene.id} has advice`).toBeGreaterThan(0);
        const texts = await page.evaluate(
          ([titles, details]) => window.jobHuntProbes.cardTexts('.view-content', titles, details),
          [advice.map((a) => a.title), advice.map((a) => a.detail)] as const,
        );
        advice.forEach((a, n) => {
          const card = texts[n];
          expect(card, `card "${a.title}" in ${scene.id}`).toBeDefined();
          expect(a.experts.length).toBeGreaterThan(0);
          for (const expert of a.experts) expect(card, `card "${a.title}" names ${expert}`).toContain(expert);
        });
      });
    }
  });

  it(`keeps every text at a contrast of ${MIN_CONTRAST}:1 or more, in both themes`, async () => {
    const low: (ContrastFinding & { where: string })[] = [];
    for (const scene of scenes) {
      for (const theme of THEMES) {
        const measured = await withPane(scene.id, theme, (page) => page.evaluate(() => window.jobHuntProbes.contrast('.view-content')));
        expect(measured.length, `${scene.id} (${theme}) has text`).toBeGreaterThan(10);
        low.push(...measured.filter((m) => m.ratio < MIN_CONTRAST).map((m) => ({ where: `${scene.id} (${theme})`, ...m })));
      }
    }
    expect(low).toEqual([]);
  });

  it('gives every button a name that assistive technology reads', async () => {
    for (const scene of scenes) {
      await withPane(scene.id, 'light', async (page) => {
        const cdp = await page.context().newCDPSession(page);
        const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }[] };
        const buttons = nodes.filter((n) => !n.ignored && n.role?.value === 'button');
        const domButtons = await page.locator('.view-content button:visible, .view-content [role="button"]:visible').count();
        expect(buttons.length, `${scene.id}: buttons in the accessibility tree`).toBe(domButtons);
        expect(domButtons).toBeGreaterThan(0);
        for (const b of buttons) expect((b.name?.value ?? '').trim(), `${scene.id}: a button without a name`).not.toBe('');
      });
    }
  });

  it('reaches every button with Tab, in reading order', async () => {
    for (const scene of scenes) {
      await withPane(scene.id, 'light', async (page) => {
        const { count, buttons } = await page.evaluate(() => window.jobHuntProbes.markFocusable());
        const stops: FocusStop[] = [];
        for (let n = 0; n < count + 1; n++) {
          await page.keyboard.press('Tab');
          const stop = await page.evaluate(() => window.jobHuntProbes.focused());
          if (stop.index === -1 || stops.some((s) => s.index === stop.index)) break; // wrapped around
          stops.push(stop);
        }
        const order = stops.map((s) => s.index);
        expect(order, `${scene.id}: Tab follows the order of the pane`).toEqual([...order].sort((a, b) => a - b));
        for (const b of buttons) expect(order, `${scene.id}: Tab reaches "${b.name}"`).toContain(b.index);
        for (let n = 1; n < order.length; n++) {
          const after = await page.evaluate(([a, b]) => window.jobHuntProbes.readsAfter(a, b), [order[n - 1] ?? -1, order[n] ?? -1] as const);
          expect(after, `${scene.id}: "${stops[n]?.name}" comes after "${stops[n - 1]?.name}" on screen`).toBe(true);
        }
      });
    }
  });

  it('draws the advice callout in a note readably, in both themes', async () => {
    const low: (ContrastFinding & { where: string })[] = [];
    for (const theme of THEMES) {
      const { page } = await open(session, { view: 'note', scene: scenes[1]?.id, theme }, 760);
      try {
        expect(await page.locator('.callout[data-callout="job-hunt-advice"] .callout-content li').count()).toBeGreaterThan(0);
        const measured = await page.evaluate(() => window.jobHuntProbes.contrast('.callout'));
        low.push(...measured.filter((m) => m.ratio < MIN_CONTRAST).map((m) => ({ where: `callout (${theme})`, ...m })));
      } finally {
        await page.close();
      }
    }
    expect(low).toEqual([]);
  });
});
