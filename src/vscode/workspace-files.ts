// The workspace folder (the vault) through workspace.fs: reads, listings, and writes that stay
// inside the folder and never replace a file that is already there.
import * as vscode from 'vscode';
import { isNotNotesFolder } from '../core/scope';

/** A path that would leave the workspace folder: refused. */
export class OutsideWorkspace extends Error {}

function isSymbolicLink(type: vscode.FileType): boolean {
  return (type & vscode.FileType.SymbolicLink) !== 0;
}

/** `a/./b/../c` as `a/c`; undefined when `..` climbs above the root. */
export function normalizeRelative(relative: string): string | undefined {
  const parts: string[] = [];
  for (const part of relative.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

export class WorkspaceFiles {
  constructor(readonly root: vscode.Uri) {}

  /** The URI of a workspace-relative path, refused when it leaves the folder by `..` or a link. */
  async resolve(relative: string): Promise<vscode.Uri> {
    const clean = normalizeRelative(relative);
    if (clean === undefined) throw new OutsideWorkspace(`"${relative}" is outside the workspace folder`);
    let uri = this.root;
    for (const part of clean.split('/').filter((p) => p !== '')) {
      uri = vscode.Uri.joinPath(uri, part);
      const stat = await this.stat(uri);
      if (!stat) break;
      if (isSymbolicLink(stat.type)) throw new OutsideWorkspace(`"${relative}" goes through a link, which may lead outside the workspace folder`);
    }
    return clean === '' ? this.root : vscode.Uri.joinPath(this.root, ...clean.split('/'));
  }

  private async stat(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
    try {
      return await vscode.workspace.fs.stat(uri);
    } catch {
      return undefined;
    }
  }

  async exists(relative: string): Promise<boolean> {
    return (await this.stat(await this.resolve(relative))) !== undefined;
  }

  /** A file's text, or undefined when it is missing or unreadable. */
  async read(relative: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(await this.resolve(relative)));
    } catch (error) {
      if (error instanceof OutsideWorkspace) throw error;
      return undefined;
    }
  }

  /** Names of the files directly in a folder ([] when there is none). */
  async fileNames(relative: string): Promise<string[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(await this.resolve(relative));
      return entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name).sort();
    } catch (error) {
      if (error instanceof OutsideWorkspace) throw error;
      return [];
    }
  }

  /**
   * What is directly in a folder: each entry's name, kind and size ([] when there is no folder).
   * The ledger's reader needs the kind (a FIFO would make a read wait forever) and the size.
   */
  async entries(relative: string): Promise<{ name: string; kind: 'file' | 'folder' | 'other'; size: number }[]> {
    const folder = await this.resolve(relative);
    let listed: [string, vscode.FileType][];
    try {
      listed = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return [];
    }
    const found = [];
    for (const [name, type] of listed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const kind = type === vscode.FileType.File ? 'file' : type === vscode.FileType.Directory ? 'folder' : 'other';
      const size = kind === 'file' ? ((await this.stat(vscode.Uri.joinPath(folder, name)))?.size ?? 0) : 0;
      found.push({ name, kind, size } as const);
    }
    return found;
  }

  /** The kind of what is at a path; undefined when nothing is. */
  async kindOf(relative: string): Promise<'file' | 'folder' | 'other' | undefined> {
    const stat = await this.stat(await this.resolve(relative));
    if (!stat) return undefined;
    return (stat.type & vscode.FileType.Directory) !== 0 ? 'folder' : (stat.type & vscode.FileType.File) !== 0 ? 'file' : 'other';
  }

  /** A file's bytes; throws when it cannot be read. */
  async bytes(relative: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(await this.resolve(relative));
  }

  /** Hidden folders at the root (Obsidian's configuration folder can have any such name). */
  async hiddenFolders(): Promise<string[]> {
    const entries = await vscode.workspace.fs.readDirectory(this.root);
    return entries.filter(([name, type]) => type === vscode.FileType.Directory && name.startsWith('.')).map(([name]) => name).sort();
  }

  /**
   * Every `.md` file below a folder, workspace-relative; links and the folders that hold no notes
   * (hidden ones, `node_modules`: the core's rule, as the CLI's walk) are not followed.
   */
  async notesBelow(relative: string): Promise<string[]> {
    const found: string[] = [];
    const walk = async (folder: string): Promise<void> => {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(await this.resolve(folder));
      } catch {
        return;
      }
      for (const [name, type] of entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
        const child = folder === '' ? name : `${folder}/${name}`;
        if (type === vscode.FileType.Directory && !isNotNotesFolder(name)) await walk(child);
        else if (type === vscode.FileType.File && name.toLowerCase().endsWith('.md')) found.push(child);
      }
    };
    const start = normalizeRelative(relative);
    if (start === undefined) throw new OutsideWorkspace(`"${relative}" is outside the workspace folder`);
    await walk(start);
    return found;
  }

  /** Creates a file; false, touching nothing, when something is already at that path. */
  async create(relative: string, text: string): Promise<boolean> {
    const uri = await this.resolve(relative);
    if (await this.stat(uri)) return false;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await this.resolve(relative); // again, now that the folders exist
    // Checked just before writing: a file made meanwhile (a sync, another window) is left alone.
    if (await this.stat(uri)) return false;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return true;
  }

  /** Writes one of the extension's own files (the ledger), replacing what was there. */
  async writeOwn(relative: string, text: string): Promise<void> {
    const uri = await this.resolve(relative);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(await this.resolve(relative), new TextEncoder().encode(text));
  }
}
