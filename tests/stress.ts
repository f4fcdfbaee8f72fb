// How hard the slow tests push. `npm test` runs every behaviour guard quickly: property tests with
// a tenth of their runs, and cases titled `[stress]` (100-run loops, 5 MB notes, 1,000 applications)
// left out. `npm run test:stress` (JHA_STRESS=1) runs everything at full strength.
import process from 'node:process';

export const STRESS = process.env.JHA_STRESS === '1';

/** fast-check's run count: `full` under stress, else a tenth (never fewer than 25). */
export function runs(full: number): number {
  return STRESS ? full : Math.min(full, Math.max(25, Math.round(full / 10)));
}
