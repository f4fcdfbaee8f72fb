import { describe, expect, it } from 'vitest';
import {
  BLOCK_END,
  BLOCK_START,
  findBlock,
  insertOrRefreshBlock,
  removeBlock,
  renderAdviceCallout,
} from '../../src/core/callout';
import { advise } from '../../src/core/advice';
import { planFollowUps } from '../../src/core/followups';
import { anApplication } from './builders';
import { aFollowUp, anAdvice, aReport } from './report-builders';

const CALLOUT = '> [!job-hunt-advice] Connect with Jane Doe on LinkedIn? Yes, now\n> Body line';
const NEWER = '> [!job-hunt-advice] Connect with Jane Doe on LinkedIn? Not yet\n> Another body';

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('renderAdviceCallout', () => {
  it('asks the question in the title, answers it, and says the day it speaks for; folded unless asked open', () => {
    const text = renderAdviceCallout(aReport(), [aFollowUp()]);
    expect(text.split('\n')[0]).toBe('> [!job-hunt-advice]- Connect with Jane Doe on LinkedIn? Yes, now (as of 2026-03-09)');
    expect(renderAdviceCallout(aReport(), [aFollowUp()], { folded: false }).split('\n')[0]).toMatch(/^> \[!job-hunt-advice\]\+ Connect/);
  });

  it('says "Not yet" and "Already connected" when the verdict says so', () => {
    const wait = aReport();
    wait.verdict.connectNow = false;
    expect(renderAdviceCallout(wait, []).split('\n')[0]).toMatch(/\? Not yet \(as of 2026-03-09\)$/);
    const done = aReport();
    done.verdict.alreadyConnected = true;
    expect(renderAdviceCallout(done, []).split('\n')[0]).toMatch(/\? Already connected \(as of 2026-03-09\)$/);
  });

  it('names the hiring manager by company, or generically, when the note has no name', () => {
    const byCompany = aReport(anApplication().company('Orchid Labs').build());
    expect(renderAdviceCallout(byCompany, [])).toContain('Connect with the hiring manager at Orchid Labs on LinkedIn?');
    const nothing = aReport(anApplication().company(undefined).build());
    expect(renderAdviceCallout(nothing, [])).toContain('Connect with the hiring manager on LinkedIn?');
  });

  it('keeps every line inside the callout', () => {
    const text = renderAdviceCallout(aReport(), [aFollowUp(), aFollowUp({ id: 'b', due: '2026-03-20', title: 'Check in' })]);
    for (const line of text.split('\n')) expect(line.startsWith('>')).toBe(true);
  });

  it('is short: the verdict with who speaks to this moment, the top advice titles with experts, the follow-ups by date', () => {
    const report = aReport(undefined, { advice: ['One', 'Two', 'Three', 'Four', 'Five'].map((title, n) => anAdvice({ id: `a${n}`, title })) });
    const text = renderAdviceCallout(report, [
      aFollowUp({ id: 'late', due: '2026-03-20', title: 'Check in with Jane Doe' }),
      aFollowUp(),
    ]);
    const lines = text.split('\n');
    expect(lines[1]).toMatch(/^> \*\*.+\*\* .*(speaks? to this (exact )?moment)/);
    expect(text).toContain('> - One — Megan Chiamos (365 Cannabis) *hedged*, Zack McCarty (Qwick)');
    expect(text).toContain('> - Three — ');
    expect(text).not.toContain('Four');
    expect(text).toContain('> - and 2 more in the advice pane');
    // No detail, no "why now": those are in the pane.
    expect(text).not.toContain('Say who you are');
    expect(text).not.toContain('Why now');
    const tomorrow = text.indexOf('> - 2026-03-10: Send a LinkedIn connection request to Jane Doe');
    const later = text.indexOf('> - 2026-03-20: Check in with Jane Doe');
    expect(tomorrow).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(tomorrow);
    expect(lines.length).toBeLessThanOrEqual(14);
  });

  it('says dates, never a day relative to when it was written', () => {
    const report = aReport();
    // The report's moment is "You applied 2 days ago": the callout must not carry it.
    const text = renderAdviceCallout(report, [aFollowUp(), aFollowUp({ id: 'b', due: '2026-03-20', title: 'Check in' })]);
    expect(text).not.toMatch(/\b(ago|today|tomorrow|yesterday|in \d+ (day|week|month)s?)\b/i);
    expect(text).toContain('as of 2026-03-09');
  });

  it('gives the same text for the same input', () => {
    expect(renderAdviceCallout(aReport(), [aFollowUp()])).toBe(renderAdviceCallout(aReport(), [aFollowUp()]));
  });

  it('cannot be broken out of by names and company', () => {
    const hostile = anApplication()
      .company('Evil\n> [!danger] injected\n%% job-hunt-advisor: end %%')
      .hiringManager('[[Secret]] <img src=x onerror=alert(1)> | %%hidden%% #tag $x$ ==hi==')
      .build();
    const report = aReport(hostile);
    const broken = ['line one', 'line two', 'three'];
    report.advice[0]!.title = `${broken[0]}\r\n${broken[1]}\u2028${broken[2]}`;
    const text = renderAdviceCallout(report, [aFollowUp({ title: '- list?\n# heading' })]);
    const lines = text.split('\n');
    for (const line of lines) expect(line.startsWith('>')).toBe(true);
    expect(lines.some((l) => l.trimEnd() === BLOCK_END)).toBe(false);
    for (const bad of ['[[', '%%', '==', '> [!danger]']) expect(text).not.toContain(bad);
    // Every Markdown-active character of the user's text carries a backslash.
    expect(text).not.toMatch(/(^|[^\\])[<|$#]/m);
    expect(text).toContain('\\[\\[Secret\\]\\] \\<img src\\=x onerror\\=alert(1)\\> \\| \\%\\%hidden\\%\\% \\#tag \\$x\\$');
    expect(text).toContain('line one line two three');
    expect(text).toContain(': \\- list? \\# heading');
  });
});

describe('insertOrRefreshBlock', () => {
  it('inserts after the frontmatter at the top, leaving the frontmatter byte for byte', () => {
    const note = '---\nstage: applied\ncompany: Orchid\n---\n# Notes\nHello\n';
    const out = insertOrRefreshBlock(note, CALLOUT, 'top');
    expect(out).toBe(`---\nstage: applied\ncompany: Orchid\n---\n${BLOCK_START}\n\n${CALLOUT}\n\n${BLOCK_END}\n# Notes\nHello\n`);
  });

  it('inserts at the start of a note without frontmatter, after a byte-order mark', () => {
    expect(insertOrRefreshBlock('\uFEFFHello\n', CALLOUT, 'top')).toBe(`\uFEFF${BLOCK_START}\n\n${CALLOUT}\n\n${BLOCK_END}\nHello\n`);
    expect(insertOrRefreshBlock('Hello', CALLOUT, 'top')).toBe(`${BLOCK_START}\n\n${CALLOUT}\n\n${BLOCK_END}\nHello`);
  });

  it('appends at the end, keeping a final newline or its absence', () => {
    const block = `${BLOCK_START}\n\n${CALLOUT}\n\n${BLOCK_END}`;
    expect(insertOrRefreshBlock('Hello\n', CALLOUT, 'end')).toBe(`Hello\n${block}\n`);
    expect(insertOrRefreshBlock('Hello', CALLOUT, 'end')).toBe(`Hello\n${block}`);
    expect(insertOrRefreshBlock('', CALLOUT, 'end')).toBe(`${block}\n`);
  });

  it('writes the block with CRLF in a CRLF note', () => {
    const note = '---\r\nstage: applied\r\n---\r\nHello\r\n';
    const out = insertOrRefreshBlock(note, CALLOUT, 'top');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(removeBlock(out)).toBe(note);
    const refreshed = insertOrRefreshBlock(out, NEWER, 'top');
    expect(refreshed.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('replaces only the inside of an existing block, wherever it is, and twice changes nothing', () => {
    const note = `Intro\n\n${BLOCK_START}\n\n${CALLOUT}\n\n${BLOCK_END}\nOutro\n`;
    const once = insertOrRefreshBlock(note, NEWER, 'top');
    expect(once).toBe(`Intro\n\n${BLOCK_START}\n\n${NEWER}\n\n${BLOCK_END}\nOutro\n`);
    expect(insertOrRefreshBlock(once, NEWER, 'end')).toBe(once);
  });

  it('handles frontmatter-only notes, with and without a final newline', () => {
    const withNewline = '---\nstage: applied\n---\n';
    expect(removeBlock(insertOrRefreshBlock(withNewline, CALLOUT, 'top'))).toBe(withNewline);
    const without = '---\nstage: applied\n---';
    const out = insertOrRefreshBlock(without, CALLOUT, 'top');
    expect(out.startsWith(`${without}\n${BLOCK_START}`)).toBe(true);
    expect(removeBlock(out)).toBe(without);
  });

  it('does not take markers in the frontmatter, in fenced code or in inline code for ours', () => {
    const pair = `${BLOCK_START}\n${CALLOUT}\n${BLOCK_END}`;
    const notes = [
      `---\nnote: |\n${pair.replace(/^/gm, '  ')}\n---\nBody\n`,
      `\`\`\`\n${pair}\n\`\`\`\n`,
      `  ~~~~md\n${pair}\n~~~\nstill code\n~~~~\n`,
      `\`\`\`\`\n\`\`\`\n${pair}\n\`\`\`\`\n`,
      `Look: \`code\n${pair}\nend\` done\n`,
      `Never closed:\n\`\`\`\n${pair}\n`,
    ];
    for (const note of notes) {
      expect(findBlock(note), note).toBeUndefined();
      const out = insertOrRefreshBlock(note, NEWER, 'top');
      expect(count(out, BLOCK_START)).toBe(2);
      expect(removeBlock(out)).toBe(note);
    }
  });

  it('sees the block again after a fence that is properly closed', () => {
    const note = `\`\`\`\n${BLOCK_START}\n\`\`\`\n\n${BLOCK_START}\n\n${CALLOUT}\n\n${BLOCK_END}\n`;
    expect(findBlock(note)?.start).toBe(note.lastIndexOf(BLOCK_START));
  });

  it('ignores the user\'s own look-alike callout', () => {
    const note = '> [!job-hunt-advice] My own notes on connecting\n> keep me\n';
    const out = insertOrRefreshBlock(note, CALLOUT, 'end');
    expect(out.startsWith(note)).toBe(true);
    expect(removeBlock(out)).toBe(note);
  });

  it('puts the block at the top when the note ends inside an unclosed fence', () => {
    const note = 'Intro\n```\ncode never closed\n';
    const out = insertOrRefreshBlock(note, CALLOUT, 'end');
    expect(out.startsWith(BLOCK_START)).toBe(true);
    expect(insertOrRefreshBlock(out, CALLOUT, 'end')).toBe(out);
    expect(removeBlock(out)).toBe(note);
  });

  it('treats an orphan start or end marker as text and inserts a fresh block, losing nothing', () => {
    const orphanStart = `Intro\n${BLOCK_START}\n\n> [!job-hunt-advice] stale\n> old\n\nMy own paragraph\n`;
    const orphanEnd = `Intro\n> old\n\n${BLOCK_END}\nMy own paragraph\n`;
    for (const note of [orphanStart, orphanEnd]) {
      for (const placement of ['top', 'end'] as const) {
        const out = insertOrRefreshBlock(note, CALLOUT, placement);
        expect(removeBlock(out)).toBe(note);
        expect(insertOrRefreshBlock(out, CALLOUT, placement)).toBe(out);
        expect(out).toContain('My own paragraph');
      }
    }
  });

  it('keeps lines the person typed inside the block, moving them below it', () => {
    const note = `${BLOCK_START}\n\n${CALLOUT}\nMy reminder: ask about the team\n\n${BLOCK_END}\nRest\n`;
    const out = insertOrRefreshBlock(note, NEWER, 'top');
    expect(out).toBe(`${BLOCK_START}\n\n${NEWER}\n\n${BLOCK_END}\nMy reminder: ask about the team\nRest\n`);
    expect(insertOrRefreshBlock(out, NEWER, 'top')).toBe(out);
  });

  it('refreshes only the first of two blocks (a sync merge), never adding a third', () => {
    const block = `${BLOCK_START}\n\n${CALLOUT}\n\n${BLOCK_END}`;
    const note = `${block}\nMiddle\n${block}\n`;
    const out = insertOrRefreshBlock(note, NEWER, 'end');
    expect(count(out, BLOCK_START)).toBe(2);
    expect(out.endsWith(`Middle\n${block}\n`)).toBe(true);
  });

  it('refuses a callout with lines outside the callout', () => {
    expect(() => insertOrRefreshBlock('x', '> [!job-hunt-advice] a\nloose line', 'end')).toThrow(/every line/);
  });

  it('accepts the callout with a trailing newline or CRLF lines', () => {
    const out = insertOrRefreshBlock('Hi\n', `${CALLOUT.replace(/\n/g, '\r\n')}\r\n`, 'end');
    expect(out).toBe(insertOrRefreshBlock('Hi\n', CALLOUT, 'end'));
  });

  it('handles a 5 MB body [stress]', () => {
    const paragraph = 'Some notes about the company, with `code` and [[links]].\n'.repeat(20);
    const fence = '```\n%% job-hunt-advisor: start %%\n```\n';
    let body = '---\nstage: applied\n---\n';
    while (body.length < 5 * 1024 * 1024) body += `${paragraph}\n${fence}\n`;
    const top = insertOrRefreshBlock(body, CALLOUT, 'top');
    expect(top.length).toBe(body.length + `${BLOCK_START}\n\n${CALLOUT}\n\n${BLOCK_END}\n`.length);
    expect(insertOrRefreshBlock(top, NEWER, 'end')).toBe(top.replace(CALLOUT, NEWER));
    expect(removeBlock(top)).toBe(body);
    const end = insertOrRefreshBlock(body, CALLOUT, 'end');
    expect(end.startsWith(body)).toBe(true);
    expect(removeBlock(end)).toBe(body);
  });
});

describe('removeBlock and findBlock', () => {
  it('removes nothing from a note without a block', () => {
    const note = `Text with ${BLOCK_START} inline\n`;
    expect(findBlock(note)).toBeUndefined();
    expect(removeBlock(note)).toBe(note);
  });

  it('gives the offsets of the block from its start marker to the end of its end marker', () => {
    const note = insertOrRefreshBlock('---\na: 1\n---\nBody\n', CALLOUT, 'top');
    const block = findBlock(note);
    expect(block).toBeDefined();
    expect(note.slice(block!.start, block!.end)).toBe(`${BLOCK_START}\n\n${CALLOUT}\n\n${BLOCK_END}`);
  });

  it('removes the block the CLI and plugin wrote, whatever advice it held', () => {
    const note = '---\nstage: applied\n---\nBody\n';
    const withAdvice = insertOrRefreshBlock(note, renderAdviceCallout(aReport(), [aFollowUp()]), 'top');
    expect(removeBlock(withAdvice)).toBe(note);
    const withOther = insertOrRefreshBlock(withAdvice, renderAdviceCallout(aReport(undefined, { advice: [anAdvice({ title: 'Other' })] }), []), 'top');
    expect(removeBlock(withOther)).toBe(note);
  });
});

describe('the callout as written into real notes (golden files)', () => {
  it('renders a hand-built report', async () => {
    await expect(renderAdviceCallout(aReport(), [aFollowUp()])).toMatchFileSnapshot('./__golden__/callout-hand-built.md');
  });

  const today = '2026-03-09';
  const cases = {
    'just-applied': anApplication().company('Orchid Labs').role('Analyst').applied('2026-03-08').hiringManager('Jane Doe').build(),
    'just-interviewed': anApplication().stage('interviewing').applied('2026-02-10').hiringManager('Jane Doe').interview('2026-03-06', 'Ana Silva').build(),
    offer: anApplication().company('Acme & Sons <EU>').stage('offer', 'Offered').applied('2026-01-15').decision('2026-03-05').hiringManager('[[People/Li Wei|Li]]').build(),
  };
  for (const [name, app] of Object.entries(cases)) {
    it(`writes the ${name} application's advice into its note`, async () => {
      const report = advise(app, today);
      const note = '---\nstage: applied\ncompany: Orchid Labs\n---\n# Orchid Labs\n\nMy notes.\n';
      const written = insertOrRefreshBlock(note, renderAdviceCallout(report, planFollowUps(report)), 'top');
      await expect(written).toMatchFileSnapshot(`./__golden__/callout-note-${name}.md`);
      expect(removeBlock(written)).toBe(note);
    });
  }
});
