// The advice pane and the advice callout as a user sees them: the project's real renderer, core and
// styles.css, in Chromium, at a narrow sidebar width, in Obsidian's light and dark themes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ContrastFinding, FocusStop, OverflowFinding } from './probes';
import { chromiumMissing, open, startSession, type PageInfo, type Session } from './harness';

const THEMES = ['light', 'dark'] as const;
const NARROW = 300;
const MIN_CONTRAST = 4.5;
/** The whole pane, sections folded as they open by default, at 300 px: about one and a half screens. */
const MAX_PANE_HEIGHT = 1400;
/** A sidebar's first screen under Obsidian's title bar and the pane's header, on a laptop. */
const FIRST_SCREEN = 700;

/** Opens every closed section and advice item (clicking their headers, as a person would). */
function openEverything(): number {
  const closed = Array.from(document.querySelectorAll<HTMLButtonElement>('.view-content button[aria-expanded="false"]'));
  for (const b of closed) b.click();
  return closed.length;
}

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

  it(`is at most ${MAX_PANE_HEIGHT} px tall at 300 px wide, with its sections folded as they open`, async () => {
    for (const scene of scenes) {
      for (const theme of THEMES) {
        const height = await withPane(scene.id, theme, (page) => page.evaluate(() => Math.ceil(document.querySelector('.jha-pane')?.getBoundingClientRect().bottom ?? Infinity)));
        expect(height, `${scene.id} (${theme})`).toBeLessThanOrEqual(MAX_PANE_HEIGHT);
      }
    }
  });

  it('answers "what do I do next?" on the first screen: the application, the verdict and its reason, the next follow-ups with dates', async () => {
    for (const scene of scenes) {
      await withPane(scene.id, 'light', async (page) => {
        const first = await page.evaluate((limit) => {
          const seen = (sel: string): string[] =>
            Array.from(document.querySelectorAll<HTMLElement>(sel))
              .filter((el) => el.getBoundingClientRect().bottom <= limit && el.checkVisibility())
              .map((el) => el.innerText.trim());
          return {
            title: seen('.jha-title'),
            stage: seen('.jha-stage'),
            headline: seen('.jha-verdict-headline'),
            reason: seen('.jha-verdict-reason'),
            next: seen('.jha-next .jha-followup'),
            nextAll: document.querySelectorAll('.jha-next .jha-followup').length,
          };
        }, FIRST_SCREEN);
        expect(first.title, scene.id).toHaveLength(1);
        expect(first.stage[0], scene.id).not.toBe('');
        expect(first.headline[0], scene.id).not.toBe('');
        // The reason says who speaks to this moment, not where the application stands again.
        expect(first.reason[0], scene.id).toMatch(/speaks? to this (exact )?moment|already connected/);
        expect(first.nextAll, scene.id).toBeGreaterThan(0);
        expect(first.nextAll, scene.id).toBeLessThanOrEqual(3);
        expect(first.next, `${scene.id}: every next follow-up on the first screen`).toHaveLength(first.nextAll);
        for (const item of first.next) expect(item, scene.id).toMatch(/\d{4}-\d\d-\d\d/);
      });
    }
  });

  it('folds its sections from their headers and keeps them as the person left them across a redraw', async () => {
    await withPane(scenes[0]?.id ?? '', 'light', async (page) => {
      const experts = page.locator('.jha-fold-experts');
      await expect.poll(() => experts.locator('.jha-fold-body').isVisible()).toBe(false);
      await experts.locator('.jha-fold-header').click();
      expect(await experts.locator('.jha-fold-body').isVisible()).toBe(true);
      expect(await experts.locator('.jha-fold-header').getAttribute('aria-expanded')).toBe('true');
      const advice = page.locator('.jha-fold-advice');
      await advice.locator('.jha-fold-header').click();
      expect(await advice.locator('.jha-fold-body').isVisible()).toBe(false);
      // Ticking a task redraws the pane: the folds stay as they were.
      await page.locator('.jha-next input.jha-tick').first().click();
      expect(await page.locator('.jha-fold-experts .jha-fold-body').isVisible()).toBe(true);
      expect(await page.locator('.jha-fold-advice .jha-fold-body').isVisible()).toBe(false);
      const log = await page.evaluate(() => (window as unknown as { jobHuntPage: { log: { toggled: unknown[] } } }).jobHuntPage.log.toggled);
      expect(log).toEqual([{ key: 'experts', open: true }, { key: 'advice', open: false }]);
    });
  });

  it('ticks a created follow-up done with its checkbox: it leaves "Next" and shows struck through', async () => {
    await withPane(scenes[0]?.id ?? '', 'light', async (page) => {
      const tick = page.locator('.jha-next input.jha-tick').first();
      const label = (await tick.getAttribute('aria-label')) ?? '';
      expect(label).toMatch(/^Done: /);
      const title = label.replace(/^Done: /, '');
      await page.keyboard.press('Tab'); // the page has focus; the checkbox is reached by keyboard too
      await tick.focus();
      await page.keyboard.press('Space');
      const log = await page.evaluate(() => (window as unknown as { jobHuntPage: { log: { setDone: { path: string; done: boolean }[] } } }).jobHuntPage.log.setDone);
      expect(log).toHaveLength(1);
      expect(log[0]?.done).toBe(true);
      expect(await page.locator('.jha-next .jha-followup-title', { hasText: title }).count()).toBe(0);
      await page.locator('.jha-fold-followups .jha-fold-header').click();
      const done = page.locator('.jha-fold-followups .jha-state-done');
      expect(await done.locator('.jha-followup-title').innerText()).toBe(title);
      expect(await done.locator('input.jha-tick').isChecked()).toBe(true);
      const line = await done.locator('.jha-followup-title').evaluate((el) => getComputedStyle(el).textDecorationLine);
      expect(line).toBe('line-through');
    });
  });

  it('shows expert names as names, not in the colour of links', async () => {
    await withPane(scenes[0]?.id ?? '', 'light', async (page) => {
      const colours = await page.evaluate(() => {
        const link = document.querySelector('.jha-link');
        const names = Array.from(document.querySelectorAll('.jha-advice-experts'));
        return { link: link ? getComputedStyle(link).color : undefined, names: names.map((n) => getComputedStyle(n).color), tags: names.map((n) => n.closest('a, .jha-link') === null) };
      });
      expect(colours.names.length).toBeGreaterThan(0);
      for (const c of colours.names) expect(c).not.toBe(colours.link);
      expect(colours.tags.every(Boolean)).toBe(true);
    });
  });

  it('fits a 300 px sidebar: nothing scrolls or sticks out sideways', async () => {
    const findings: (OverflowFinding & { where: string })[] = [];
    for (const scene of scenes) {
      for (const theme of THEMES) {
        const found = await withPane(scene.id, theme, async (page) => {
          await page.evaluate(openEverything);
          return page.evaluate(() => window.jobHuntProbes.overflow('.view-content'));
        });
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

  it(`keeps every text at a contrast of ${MIN_CONTRAST}:1 or more, in both themes, every section open`, async () => {
    const low: (ContrastFinding & { where: string })[] = [];
    for (const scene of scenes) {
      for (const theme of THEMES) {
        const measured = await withPane(scene.id, theme, async (page) => {
          expect(await page.evaluate(openEverything), `${scene.id}: something to open`).toBeGreaterThan(0);
          return page.evaluate(() => window.jobHuntProbes.contrast('.view-content'));
        });
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

  it('writes the callout folded, with a Lucide icon Obsidian has, and draws it readably opened, in both themes', async () => {
    const low: (ContrastFinding & { where: string })[] = [];
    for (const theme of THEMES) {
      const folded = await open(session, { view: 'note', scene: scenes[1]?.id, theme }, 760);
      try {
        const callout = folded.page.locator('.callout[data-callout="job-hunt-advice"]');
        expect(await callout.getAttribute('data-callout-fold')).toBe('-');
        expect(await callout.locator('.callout-content').count()).toBe(0);
        // The icon styles.css names exists in Lucide (the page draws Lucide's own shapes).
        const icon = callout.locator('.callout-icon svg');
        expect(await icon.getAttribute('data-missing-icon')).toBeNull();
        expect(await icon.locator('path, rect, circle, line, polyline').count()).toBeGreaterThan(0);
        expect(await callout.locator('.callout-title-inner').innerText()).toMatch(/\(as of \d{4}-\d\d-\d\d\)$/);
      } finally {
        await folded.page.close();
      }
      const { page } = await open(session, { view: 'note', scene: scenes[1]?.id, theme, callout: 'open' }, 760);
      try {
        expect(await page.locator('.callout[data-callout="job-hunt-advice"] .callout-content li').count()).toBeGreaterThan(0);
        const height = await page.locator('.callout[data-callout="job-hunt-advice"]').evaluate((el) => el.getBoundingClientRect().height);
        // It was about 1,200 px before it was made short; opened, it now stays well under that.
        expect(height, 'the opened callout stays short').toBeLessThanOrEqual(700);
        const measured = await page.evaluate(() => window.jobHuntProbes.contrast('.callout'));
        low.push(...measured.filter((m) => m.ratio < MIN_CONTRAST).map((m) => ({ where: `callout (${theme})`, ...m })));
      } finally {
        await page.close();
      }
    }
    expect(low).toEqual([]);
  });
});
