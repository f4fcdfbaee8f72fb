// Dates as people write them, read with date-fns `parse` under the date-order setting: the same
// calendar day in every time zone, and an ambiguous `03/04/2026` never guessed.
import process from 'node:process';
import { describe, expect, test } from 'vitest';
import { readApplication, withVaultDateOrder } from '../../src/core/application';
import { learnDateOrder, readCalendarDate } from '../../src/core/dates';
import type { DateOrderSetting } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Sao_Paulo', 'Asia/Kathmandu', 'Europe/Berlin'];

function inEveryZone<T>(run: () => T): T[] {
  const zone = process.env.TZ;
  try {
    return ZONES.map((tz) => {
      process.env.TZ = tz;
      return run();
    });
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
}

describe('dates people write', () => {
  test.each([
    ['11/14/2026', 'auto', '2026-11-14'],
    ['14.11.2026', 'auto', '2026-11-14'],
    ['14/11/2026', 'auto', '2026-11-14'],
    ['14 Nov 2026', 'auto', '2026-11-14'],
    ['14 November 2026', 'auto', '2026-11-14'],
    ['Nov 14, 2026', 'auto', '2026-11-14'],
    ['November 14, 2026', 'auto', '2026-11-14'],
    ['nov 14 2026', 'auto', '2026-11-14'],
    ['2026/11/14', 'auto', '2026-11-14'],
    ['2026.11.14', 'auto', '2026-11-14'],
    ['03/04/2026', 'MDY', '2026-03-04'],
    ['03/04/2026', 'DMY', '2026-04-03'],
    ['3.4.2026', 'DMY', '2026-04-03'],
    ['05/05/2026', 'auto', '2026-05-05'],
    ['29 Feb 2028', 'auto', '2028-02-29'],
  ] as [string, DateOrderSetting, string][])('%s under %s is %s, in every time zone', (text, order, day) => {
    const days = inEveryZone(() => readCalendarDate(text, order));
    for (const d of days) expect(d).toEqual({ kind: 'date', date: day });
  });

  test('03/04/2026 with no order known is refused with a message naming the setting, never guessed', () => {
    const r = readCalendarDate('03/04/2026', 'auto');
    expect(r).toMatchObject({ kind: 'invalid', ambiguous: true });
    expect(r.kind === 'invalid' && r.why).toBe('it could be 4 March 2026 or 3 April 2026; set Date order (dateOrder) to MDY or DMY');
    // Year first set: still not a day/month order for this shape.
    expect(readCalendarDate('03/04/2026', 'YMD')).toMatchObject({ kind: 'invalid', ambiguous: true });
  });

  test.each([
    ['02/30/2026', 'MDY'],
    ['31 Feb 2026', 'auto'],
    ['29 Feb 2026', 'auto'],
    ['11/14/2026', 'DMY'],
    ['13/13/2026', 'auto'],
    ['3/4/26', 'MDY'],
    ['2026/02/30', 'auto'],
    ['Smarch 3, 2026', 'auto'],
    ['soon', 'auto'],
  ] as [string, DateOrderSetting][])('%s under %s is not a date', (text, order) => {
    expect(readCalendarDate(text, order).kind).toBe('invalid');
  });

  test('a day the set order cannot read names the setting', () => {
    const r = readCalendarDate('11/14/2026', 'DMY');
    expect(r.kind === 'invalid' && r.why).toMatch(/DMY order set in Date order \(dateOrder\)/);
  });
});

describe("the vault's own order", () => {
  test('learnt from the dates only one order can read; none, or a mix, teaches nothing', () => {
    expect(learnDateOrder(['11/14/2026', '03/04/2026', '2026-01-02'])).toBe('MDY');
    expect(learnDateOrder(['14.11.2026', '1.2.2026'])).toBe('DMY');
    expect(learnDateOrder(['03/04/2026', '2026-01-02', 'Nov 14, 2026'])).toBeUndefined();
    expect(learnDateOrder(['11/14/2026', '14/11/2026'])).toBeUndefined();
  });

  const note = (applied: string): { frontmatter: unknown; path: string } => ({ frontmatter: { stage: 'Applied', applied }, path: 'A.md' });

  test('an ambiguous date reads under the order the other notes show, and is a warning naming the setting without one', () => {
    const others = [{ stage: 'Applied', applied: '25/02/2026' }, { stage: 'Interviewing', interviews: [{ date: '13.03.2026' }] }];
    const target = note('03/04/2026');
    const learned = withVaultDateOrder(DEFAULT_SETTINGS, target.frontmatter, () => others);
    expect(learned.dateOrder).toBe('DMY');
    const read = readApplication(target, learned);
    expect(read.ok && read.application.applied).toBe('2026-04-03');

    const alone = readApplication(target, withVaultDateOrder(DEFAULT_SETTINGS, target.frontmatter, () => []));
    expect(alone.ok && alone.application.applied).toBeUndefined();
    expect(alone.ok && alone.application.warnings.map((w) => w.message)).toEqual([
      'applied "03/04/2026" is not a date (it could be 4 March 2026 or 3 April 2026; set Date order (dateOrder) to MDY or DMY); ignored',
    ]);
  });

  test('the vault is not read at all when the note needs no order, or when one is set', () => {
    let reads = 0;
    const notes = (): unknown[] => {
      reads++;
      return [];
    };
    withVaultDateOrder(DEFAULT_SETTINGS, { stage: 'Applied', applied: '11/14/2026' }, notes);
    withVaultDateOrder({ ...DEFAULT_SETTINGS, dateOrder: 'MDY' }, { stage: 'Applied', applied: '03/04/2026' }, notes);
    expect(reads).toBe(0);
    const set = readApplication(note('03/04/2026'), { ...DEFAULT_SETTINGS, dateOrder: 'MDY' });
    expect(set.ok && set.application.applied).toBe('2026-03-04');
  });
});
