// The advice as plain text for a terminal: no Markdown, no colours, lines wrapped for reading.
import { compareDates, relativeDay } from './dates';
import type { AdviceReport, Backer, Expert, FollowUp, Voice } from './model';
import { oneLine } from './text';
import { answerOf, hiringManagerName, marksOf, phrasesOf, summaryOf, verdictHeadline, verdictReason, whyNow } from './wording';

const WIDTH = 88;

/**
 * Wraps one paragraph of text at word boundaries, every line starting with `indent` (the first
 * with `first` instead, for list markers). A word longer than the line stays whole.
 */
function wrap(text: string, indent: string, first = indent): string[] {
  const lines: string[] = [];
  let current = first;
  let empty = true;
  for (const word of oneLine(text).split(' ')) {
    if (word === '') continue;
    if (!empty && current.length + 1 + word.length > WIDTH) {
      lines.push(current);
      current = indent + word;
    } else {
      current += empty ? word : ` ${word}`;
    }
    empty = false;
  }
  lines.push(current.trimEnd());
  return lines;
}

function expertLabel(expert: Expert): string {
  return `${oneLine(expert.name)} (${oneLine(expert.organization)})`;
}

function withMarks(item: Voice | Backer): string {
  // In the "in general only" list the heading already says it.
  const marks = marksOf(item).filter((m) => !(m === 'in general' && 'stance' in item));
  return `${expertLabel(item.expert)}${marks.length > 0 ? ` [${marks.join(', ')}]` : ''}`;
}

function voiceLines(label: string, list: readonly Voice[], empty: string | undefined): string[] {
  if (list.length === 0) return empty === undefined ? [] : [`  ${label}: ${empty}`];
  const lines = [`  ${label}:`];
  for (const v of list) {
    const because = oneLine(v.because);
    lines.push(...wrap(`${withMarks(v)}${because ? `: ${because}` : ''}`, '      ', '    - '));
  }
  return lines;
}

function heading(report: AdviceReport): string {
  const app = report.application;
  const company = oneLine(app.company ?? '');
  const role = oneLine(app.role ?? '');
  const name = company && role ? `${company} – ${role}` : company || role || oneLine(app.noteName);
  const label = oneLine(app.stageLabel);
  // Show the person's own stage word, and ours when it reads differently.
  const stage = label && label.toLowerCase() !== app.stage ? `${label}, read as ${app.stage}` : app.stage;
  return `${name} (${stage})`;
}

function question(report: AdviceReport): string {
  return `Connect with ${oneLine(hiringManagerName(report))} on LinkedIn? ${answerOf(report)}.`;
}

/** The person's own experts in this report, once each: where their advice comes from is said. */
function packExperts(report: AdviceReport): Expert[] {
  const { verdict } = report;
  const all = [...verdict.for, ...verdict.against, ...verdict.general, ...report.advice.flatMap((a) => a.backers)].map((v) => v.expert);
  return [...new Map(all.filter((e) => e.pack).map((e) => [e.id, e])).values()];
}

/**
 * One application's advice as readable plain text: the application, where it stands, the
 * verdict with the experts for and against, the ranked advice with its experts and reasons, and
 * the planned follow-ups by due date. Note text is flattened to one line per field and stripped
 * of control characters, so a note cannot move the cursor or colour the terminal.
 */
export function formatReportText(report: AdviceReport, followUps: FollowUp[]): string {
  const { verdict } = report;
  const title = heading(report);
  const out: string[] = [title, '='.repeat(Math.min(title.length, WIDTH)), `Note: ${oneLine(report.application.path)}`];
  out.push('', ...wrap(summaryOf(report), ''));

  out.push('', question(report));
  out.push(...wrap(`${verdictHeadline(report)} ${verdictReason(report)}`, '  '));
  if (!verdict.alreadyConnected) {
    const none = 'none of the experts at this moment';
    out.push(...voiceLines('For', verdict.for, none), ...voiceLines('Against', verdict.against, none));
    out.push(...voiceLines('In general only', verdict.general, undefined));
  }

  out.push('', 'Advice for this moment');
  if (report.advice.length === 0) out.push('  (nothing specific at this moment)');
  const phrases = phrasesOf(report);
  report.advice.forEach((item, index) => {
    const number = `  ${index + 1}. `;
    const indent = ' '.repeat(number.length);
    out.push(...wrap(item.title, indent, number));
    out.push(...wrap(item.detail, indent));
    if (item.backers.length > 0) out.push(...wrap(`— ${item.backers.map(withMarks).join('; ')}`, indent));
    const why = whyNow(report, item, phrases);
    if (oneLine(why)) out.push(...wrap(`Why now: ${why}`, indent));
  });

  const own = packExperts(report);
  if (own.length > 0) {
    out.push('', 'From your advice pack');
    for (const e of own) {
      out.push(...wrap(`${expertLabel(e)}: ${e.source ? oneLine(e.source) : 'no source given'}`, '      ', '  - '));
      out.push(...wrap(`(${oneLine(e.pack ?? '')})`, '      '));
    }
  }

  out.push('', 'Follow-ups');
  if (followUps.length === 0) out.push('  (none planned)');
  const sorted = [...followUps].sort((a, b) => compareDates(a.due, b.due) || compareDates(a.id, b.id));
  for (const f of sorted) {
    const when = `  ${f.due} (${relativeDay(f.due, report.today)})`;
    const priority = f.priority === 'normal' ? '' : ` [${f.priority} priority]`;
    out.push(...wrap(`${f.title}${priority}`, '      ', `${when}: `));
  }

  out.push('', `Advice for ${report.today}. Nothing is sent automatically: you decide what to send.`);
  return `${out.join('\n')}\n`;
}
