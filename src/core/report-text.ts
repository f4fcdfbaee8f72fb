// The advice as plain text for a terminal: no Markdown, no colours, lines wrapped for reading.
import { compareDates, relativeDay } from './dates';
import type { AdviceReport, Expert, ExpertPosition, FollowUp } from './model';
import { oneLine } from './text';

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

function positionLines(label: string, list: readonly ExpertPosition[]): string[] {
  if (list.length === 0) return [`  ${label}: none of the experts at this moment`];
  const lines = [`  ${label}:`];
  for (const p of list) {
    const because = oneLine(p.because);
    lines.push(...wrap(`${expertLabel(p.expert)}${because ? `: ${because}` : ''}`, '      ', '    - '));
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
  const { verdict, application } = report;
  const who = oneLine(application.hiringManager?.name ?? '') || 'the hiring manager';
  const answer = verdict.alreadyConnected ? 'Already connected.' : verdict.connectNow ? 'Yes, now.' : 'Not yet.';
  return `Connect with ${who} on LinkedIn? ${answer}`;
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
  out.push('', ...wrap(report.momentSummary, ''));

  out.push('', question(report));
  out.push(...wrap(`${verdict.headline} ${verdict.reason}`, '  '));
  out.push(...positionLines('For', verdict.for), ...positionLines('Against', verdict.against));

  out.push('', 'Advice for this moment');
  if (report.advice.length === 0) out.push('  (nothing specific at this moment)');
  report.advice.forEach((item, index) => {
    const number = `  ${index + 1}. `;
    const indent = ' '.repeat(number.length);
    out.push(...wrap(item.title, indent, number));
    out.push(...wrap(item.detail, indent));
    if (item.experts.length > 0) out.push(...wrap(`— ${item.experts.map(expertLabel).join(', ')}`, indent));
    if (oneLine(item.reason)) out.push(...wrap(`Why now: ${item.reason}`, indent));
  });

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
