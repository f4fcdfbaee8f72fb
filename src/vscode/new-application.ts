// "New job application" in VS Code: asks for the company and the role, then writes the note the
// core plans (the folder's own field names and stage words, learned from its applications, or the
// template note), under a free name, and opens it. Nothing is ever written over an existing note.
import * as vscode from 'vscode';
import { planNewApplication } from '../core/new-application';
import { learnSchema } from '../core/vault-schema';
import type { SchemaSample } from '../core/vault-schema';
import type { CalendarDate } from '../core/model';
import { readFrontmatter } from '../cli/frontmatter';
import type { HostSettings } from './settings';
import type { WorkspaceFiles } from './workspace-files';

export interface NewApplicationAnswers {
  company: string;
  role: string;
}

export type NewApplicationResult = { ok: true; path: string } | { ok: false; message: string };

/** Plans and creates the note; the path of the note made, or one line saying why not. */
export async function createApplication(files: WorkspaceFiles, answers: NewApplicationAnswers, settings: HostSettings, today: CalendarDate): Promise<NewApplicationResult> {
  const notes = await files.notesBelow('');
  const samples: SchemaSample[] = [];
  for (const path of notes) {
    const text = await files.read(path);
    const parsed = text === undefined ? undefined : readFrontmatter(text);
    if (parsed?.ok && parsed.hasFrontmatter) samples.push({ path, frontmatter: parsed.frontmatter });
  }
  // Taken whatever the case: two names differing only in case clash on macOS, Windows and in sync.
  const taken = new Set(notes.map((p) => p.toLowerCase()));
  let template: { text: string; frontmatter: unknown } | undefined;
  const templateName = settings.templateNote.trim();
  if (templateName !== '') {
    const rel = /\.md$/i.test(templateName) ? templateName : `${templateName}.md`;
    const text = await files.read(rel);
    const parsed = text === undefined ? undefined : readFrontmatter(text);
    if (text === undefined || !parsed?.ok) return { ok: false, message: `template note ${rel}: ${parsed && !parsed.ok ? parsed.message : 'not found'}; nothing written` };
    template = { text, frontmatter: parsed.frontmatter };
  }
  const plan = planNewApplication(answers, {
    schema: learnSchema(samples, settings),
    settings,
    today,
    folder: settings.newApplicationsFolder,
    taken: (path) => taken.has(path.toLowerCase()),
    ...(template ? { template } : {}),
  });
  if (!plan.ok) return { ok: false, message: `${plan.message}; nothing written` };
  if (!(await files.create(plan.path, plan.content))) return { ok: false, message: `${plan.path} appeared while it was being created; nothing written` };
  return { ok: true, path: plan.path };
}

/** Asks for the company and the role; undefined when the person cancels. */
export async function askForApplication(): Promise<NewApplicationAnswers | undefined> {
  const required = (what: string) => (value: string): string | undefined => (value.trim() === '' ? `A new application needs ${what}.` : undefined);
  const company = await vscode.window.showInputBox({ title: 'New job application', prompt: 'Company', placeHolder: 'Orchid Labs', validateInput: required('a company') });
  if (company === undefined) return undefined;
  const role = await vscode.window.showInputBox({ title: 'New job application', prompt: 'Role', placeHolder: 'Analyst', validateInput: required('a role') });
  if (role === undefined) return undefined;
  return { company, role };
}
