// `Job hunt.base`: a Bases file (Obsidian's own tables over notes) with the applications grouped by
// stage, the open follow-up tasks by due date, and both side by side, in the vault's own field
// names. A title field means the job title in an application (`title: Analyst`, where the vault
// names its role so) and the task's title in a TaskNotes task note: no column shows `note.title`.
// The job title is the formula `job_title`, empty for task notes; a task's title is its note's
// name (file.name), as TaskNotes names task notes. So each title shows once. It carries a
// fingerprint of its text, so one the person edited (by hand or in Bases, which rewrites the file)
// is recognised and never overwritten.
import { yamlString } from './task-note';
import type { VaultSchema } from './vault-schema';

export const DASHBOARD_NAME = 'Job hunt.base';
export const VIEW_BY_STAGE = 'Applications by stage';
export const VIEW_FOLLOW_UPS = 'Follow-ups due';
export const VIEW_BOTH = 'Applications and follow-ups';
/** The application's job title; empty for a task note, whose own `title` is the task's. */
export const JOB_TITLE_FORMULA = 'job_title';

const FINGERPRINT = /^# Made by Job Hunt Advisor \(fingerprint ([0-9a-f]{8})\)\.[^\n]*\n/;

/** FNV-1a over the UTF-16 code units: enough to tell an edited file from ours, not a secret. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A string literal inside a Bases expression. */
function literal(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A note property as Bases names it in `order` and `groupBy`. */
function property(key: string): string {
  return `note.${key}`;
}

/** A note property inside an expression: `note.role`, or `note["Job-Title"]` for other names. */
function propertyValue(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `note.${key}` : `note[${literal(key)}]`;
}

function list(items: string[], indent: string): string[] {
  return items.map((i) => `${indent}- ${yamlString(i)}`);
}

export interface DashboardFolders {
  /** Vault-relative; '' when applications live anywhere. */
  applications: string;
  tasks: string;
}

/** The whole `.base` file. */
export function renderDashboard(schema: VaultSchema, folders: DashboardFolders): string {
  const f = schema.fields;
  const applications = [
    ...(folders.applications !== '' ? [`file.inFolder(${literal(folders.applications)})`] : []),
    `file.hasProperty(${literal(f.stage)})`,
    `!file.inFolder(${literal(folders.tasks)})`,
  ];
  const tasks = [`file.inFolder(${literal(folders.tasks)})`, 'file.hasTag("task")', 'status != "done"'];
  const jobTitle = `formula.${JOB_TITLE_FORMULA}`;
  const body = [
    'formulas:',
    `  ${JOB_TITLE_FORMULA}: ${yamlString(`if(file.hasTag("task"), "", ${propertyValue(f.role)})`)}`,
    'properties:',
    `  ${jobTitle}:`,
    '    displayName: "Job title"',
    'views:',
    '  - type: table',
    `    name: ${yamlString(VIEW_BY_STAGE)}`,
    '    filters:',
    '      and:',
    ...list(applications, '        '),
    '    groupBy:',
    `      property: ${yamlString(property(f.stage))}`,
    '      direction: ASC',
    '    order:',
    ...list(['file.name', property(f.company), jobTitle, property(f.stage), property(f.applied), property(f.history)], '      '),
    '    sort:',
    `      - property: ${yamlString(property(f.applied))}`,
    '        direction: DESC',
    '  - type: table',
    `    name: ${yamlString(VIEW_FOLLOW_UPS)}`,
    '    filters:',
    '      and:',
    ...list(tasks, '        '),
    '    order:',
    ...list(['file.name', 'note.due', 'note.priority', 'note.status', 'note.projects'], '      '),
    '    sort:',
    '      - property: "note.due"',
    '        direction: ASC',
    '  - type: table',
    `    name: ${yamlString(VIEW_BOTH)}`,
    '    filters:',
    '      or:',
    '        - and:',
    ...list(applications, '            '),
    '        - and:',
    ...list(tasks, '            '),
    '    order:',
    ...list(['file.name', property(f.company), jobTitle, property(f.stage), 'note.due', 'note.status', 'note.projects'], '      '),
    '',
  ].join('\n');
  return `# Made by Job Hunt Advisor (fingerprint ${fingerprint(body)}). Once you edit it, it is yours: never overwritten.\n${body}`;
}

export type DashboardDecision =
  /** No such file: create it. */
  | 'create'
  /** It is exactly what would be written: nothing to do. */
  | 'unchanged'
  /** Ours and untouched, but out of date (folders or field names changed): replace it. */
  | 'refresh'
  /** The person's: left alone. */
  | 'edited';

export function dashboardDecision(existing: string | undefined, fresh: string): DashboardDecision {
  if (existing === undefined) return 'create';
  if (existing === fresh) return 'unchanged';
  const text = existing.replace(/\r\n/g, '\n');
  const mark = FINGERPRINT.exec(text);
  return mark && mark[1] === fingerprint(text.slice(mark[0].length)) ? 'refresh' : 'edited';
}
