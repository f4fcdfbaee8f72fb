// The person's advice pack in a workspace folder: the notes of its packs folder (the same setting,
// default and reader as the plugin and the CLI), read through workspace.fs with the CLI's safe
// YAML reader and turned into knowledge by the core (packs.ts). Read once per folder and kept until
// a pack note is created, changed or deleted (a FileSystemWatcher). Problems go to the Problems
// panel, one line on the note they are about.
import * as vscode from 'vscode';
import { BUILT_IN_KNOWLEDGE, type Knowledge } from '../core/knowledge';
import { knowledgeWithPack, readAdvicePack, type PackNote } from '../core/packs';
import { decodeUtf8Exactly } from '../core/utf8';
import { readFrontmatter } from '../cli/frontmatter';
import { packsFolderPath } from '../core/scope';
import type { HostSettings } from './settings';
import { normalizeRelative, WorkspaceFiles } from './workspace-files';

/** The packs folder, workspace-relative (the core's one rule), or undefined for none (empty, or outside the folder). */
export function packsFolderOf(settings: HostSettings): string | undefined {
  const folder = packsFolderPath(settings);
  return folder === '' || normalizeRelative(folder) !== folder ? undefined : folder;
}

export interface PackReading {
  knowledge: Knowledge;
  /** Per note (workspace-relative path): what is wrong with it, one line each. */
  problems: Map<string, string[]>;
}

/** Reads the pack of one workspace folder. */
export async function readWorkspacePack(files: WorkspaceFiles, folder: string | undefined): Promise<PackReading> {
  const problems = new Map<string, string[]>();
  const say = (path: string, message: string): void => {
    problems.set(path, [...(problems.get(path) ?? []), message]);
  };
  if (folder === undefined) return { knowledge: BUILT_IN_KNOWLEDGE, problems };
  const notes: PackNote[] = [];
  for (const path of (await files.notesBelow(folder)).sort()) {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(await files.resolve(path));
    } catch {
      say(path, 'could not be read, so its expert is left out');
      continue;
    }
    const text = decodeUtf8Exactly(bytes);
    if (!text.ok) {
      say(path, 'is not UTF-8 text, so its expert is left out');
      continue;
    }
    const parsed = readFrontmatter(text.text);
    if (!parsed.ok) {
      say(path, `${parsed.message}, so its expert is left out`);
      continue;
    }
    notes.push({ path, frontmatter: parsed.hasFrontmatter ? parsed.frontmatter : undefined, body: parsed.body });
  }
  const pack = readAdvicePack(notes);
  for (const p of pack.problems) say(p.notePath, p.message);
  return { knowledge: knowledgeWithPack(pack), problems };
}

/** Every workspace folder's pack, read when first needed and again after a pack note changes. */
export class WorkspacePacks {
  private readonly readings = new Map<string, { folder: string | undefined; reading: Promise<PackReading> }>();

  constructor(private readonly diagnostics?: vscode.DiagnosticCollection) {}

  /** The knowledge to advise with in this workspace folder: the nine and its pack. */
  async knowledgeFor(root: vscode.Uri, settings: HostSettings): Promise<Knowledge> {
    return (await this.readingFor(root, settings)).knowledge;
  }

  /** This workspace folder's pack as last read: its knowledge and its problems by note. */
  async readingFor(root: vscode.Uri, settings: HostSettings): Promise<PackReading> {
    const folder = packsFolderOf(settings);
    const key = root.toString();
    let cached = this.readings.get(key);
    if (!cached || cached.folder !== folder) {
      const reading = readWorkspacePack(new WorkspaceFiles(root), folder);
      cached = { folder, reading };
      this.readings.set(key, cached);
      void reading.then((r) => this.show(root, r), () => undefined);
    }
    try {
      return await cached.reading;
    } catch {
      this.readings.delete(key);
      return { knowledge: BUILT_IN_KNOWLEDGE, problems: new Map() };
    }
  }

  /** A Markdown file changed somewhere: a pack note's change means reading that pack again. True when it was one. */
  changed(uri: vscode.Uri): boolean {
    let any = false;
    for (const [key, cached] of this.readings) {
      const root = vscode.Uri.parse(key);
      const relative = vscode.workspace.asRelativePath(uri, false);
      const inside = uri.toString().startsWith(`${key.replace(/\/+$/, '')}/`);
      if (inside && cached.folder !== undefined && relative.startsWith(`${cached.folder}/`)) {
        this.readings.delete(key);
        this.diagnostics?.forEach((note) => {
          if (note.toString().startsWith(root.toString())) this.diagnostics?.delete(note);
        });
        any = true;
      }
    }
    return any;
  }

  private show(root: vscode.Uri, reading: PackReading): void {
    if (!this.diagnostics) return;
    for (const [path, lines] of reading.problems) {
      const uri = vscode.Uri.joinPath(root, ...path.split('/'));
      this.diagnostics.set(uri, lines.map((line) => {
        const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `Advice pack: ${path}: ${line}`, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'Job Hunt Advisor';
        return diagnostic;
      }));
    }
  }
}
