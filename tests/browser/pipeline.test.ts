// The whole hunt in the pane, as a user sees it on a note that is not an application: the real
// core over the example vault, the real renderer and styles.css, in Chromium, at a 300 px sidebar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, open, startSession, type Session } from './harness';

describe.skipIf(chromiumMissing)('the pipeline in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`shows every application counted per stage, the answers and each open application's next step (${theme}), readable and within the sidebar`, async () => {
      const { page } = await open(session, { view: 'pipeline', theme }, 300);
      try {
        const seen = await page.evaluate(() => ({
          heading: document.querySelector('.jha-pipeline .jha-heading')?.textContent,
          counted: Array.from(document.querySelectorAll('.jha-pipeline-count')).reduce((n, el) => n + Number(el.textContent), 0),
          response: document.querySelector('.jha-pipeline-response')?.textContent,
          open: document.querySelectorAll('.jha-pipeline-item').length,
          steps: Array.from(document.querySelectorAll('.jha-pipeline-next')).map((el) => el.textContent ?? ''),
        }));
        expect(seen.heading).toBe('Your job hunt: 7 applications');
        expect(seen.counted).toBe(7);
        expect(seen.response).toMatch(/^\d of \d applications you sent got an answer \(\d+%\)\.$/);
        expect(seen.open).toBeGreaterThan(0);
        expect(seen.steps.every((s) => s.trim() !== '')).toBe(true);
        expect(await page.evaluate(() => window.jobHuntProbes.overflow('.view-content'))).toEqual([]);
        const measured = await page.evaluate(() => window.jobHuntProbes.contrast('.jha-pipeline'));
        expect(measured.length).toBeGreaterThan(10);
        expect(measured.filter((m) => m.ratio < 4.5)).toEqual([]);
      } finally {
        await page.close();
      }
    }, 60_000);
  }
});
