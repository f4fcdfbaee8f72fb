// The advice pack for the command-line tool: `--packs <folder>`, else the `packsFolder` setting
// (default "Job hunt advice" in the vault, used when it is there), else none. The notes are read
// with the same safe frontmatter reader as applications; the core does the rest (packs.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Knowledge } from '../core/knowledge';
import { knowledgeWithPack, readAdvicePack, type PackNote } from '../core/packs';
import { DEFAULT_SETTINGS } from '../core/settings';
import { readFrontmatter } from './frontmatter';
import { describeFsError, FileProblem, OutsideVault, type Vault } from './vault';

export interface LoadedPack {
  /** The nine and the pack's experts, for adviseOn. */
  knowledge: Knowledge;
  /** Absolute: a scan of the vault does not read the pack's notes as applications. */
  folder: string;
}

export interface PackChoice {
  /** `--packs`, as typed (relative to where the tool runs). */
  packs?: string;
  noPacks: boolean;
  /** The setting, vault-relative; empty: no pack. */
  packsFolder: string;
  cwd: string;
}

/** Thrown for `--packs` naming no folder, or a pack folder that is the vault itself: a usage error (exit 2). */
export class PackFolderMissing extends Error {}

/**
 * Reads the chosen pack. Problems (a note that can't be read, or a mistake in one) go to `warn`,
 * one line each, naming the note; the rest of the pack loads.
 */
export function loadPack(vault: Vault, choice: PackChoice, warn: (absolute: string, message: string) => void): LoadedPack | undefined {
  if (choice.noPacks) return undefined;
  let folder: string;
  if (choice.packs !== undefined) {
    folder = path.resolve(choice.cwd, choice.packs);
    if (!isFolder(folder)) throw new PackFolderMissing(`--packs "${choice.packs}" is not a folder`);
  } else {
    const setting = choice.packsFolder.trim();
    if (setting === '') return undefined;
    try {
      folder = vault.resolve(setting.replace(/\\/g, '/').replace(/^\/+/, ''));
    } catch (error) {
      if (error instanceof OutsideVault) throw new OutsideVault(`advice pack folder ${error.message}`);
      throw error;
    }
    if (!isFolder(folder)) {
      // The default folder is optional; one the person named is said to be missing.
      if (setting !== DEFAULT_SETTINGS.packsFolder) warn(folder, 'advice pack folder not found; advising with the built-in experts only');
      return undefined;
    }
  }
  // Every note of the vault read as advice, and none as an application: surely not what was meant.
  if (path.resolve(folder) === path.resolve(vault.root)) throw new PackFolderMissing('the advice pack folder is the whole vault: give the pack a folder of its own');
  const notes: PackNote[] = [];
  const byPath = new Map<string, string>();
  for (const absolute of vault.listNotes(folder, [], warn)) {
    const notePath = vault.contains(absolute) ? vault.relative(absolute) : absolute.split(path.sep).join('/');
    byPath.set(notePath, absolute);
    let text: string;
    try {
      text = vault.read(absolute);
    } catch (error) {
      warn(absolute, `${error instanceof FileProblem ? error.message : describeFsError(error)}; not read as advice`);
      continue;
    }
    const parsed = readFrontmatter(text);
    if (!parsed.ok) {
      warn(absolute, `${parsed.message}; not read as advice`);
      continue;
    }
    notes.push({ path: notePath, frontmatter: parsed.hasFrontmatter ? parsed.frontmatter : undefined, body: parsed.body });
  }
  const pack = readAdvicePack(notes);
  for (const problem of pack.problems) warn(byPath.get(problem.notePath) ?? problem.notePath, problem.message);
  return { knowledge: knowledgeWithPack(pack), folder };
}

function isFolder(absolute: string): boolean {
  try {
    return fs.statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}
