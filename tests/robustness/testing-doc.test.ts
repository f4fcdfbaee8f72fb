// TESTING.md names the tests behind each row of its table: every one it names must exist, and every
// row must name at least one, so the table can't promise what nothing checks.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/helpers';

const FOLDERS: Record<string, string> = { core: 'core', cli: 'cli', obsidian: 'obsidian', ui: 'ui', rb: 'robustness', vscode: 'vscode' };
const doc = readFileSync(path.join(REPO, 'TESTING.md'), 'utf8');
const rows = doc.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| input') && !l.startsWith('|---'));

describe('TESTING.md', () => {
  it('has a row for every case of issue 4', () => {
    for (const topic of ['broken YAML', '`---js`', 'duplicate keys', 'huge values', 'stage is a number', 'stage is a list', 'stage is null', 'far past', 'offsets', 'empty dates', 'no frontmatter', 'frontmatter only', 'byte-order mark', '5 MB', 'code fences', 'typed into', 'half-deleted', '300 characters', '100 times', 'burst', 'two devices', 'deleted or completed', 'renamed']) {
      expect(rows.some((r) => r.includes(topic)), topic).toBe(true);
    }
  });

  it.each(rows.map((r) => [r.slice(2, 60), r]))('%s... names tests that exist', (_, row) => {
    const names = [...row.matchAll(/`(core|cli|obsidian|ui|rb|vscode)\/([\w-]+)`/g)];
    expect(names.length).toBeGreaterThan(0);
    for (const [, folder, file] of names) {
      expect(existsSync(path.join(REPO, 'tests', FOLDERS[folder!]!, `${file!}.test.ts`)), `${folder!}/${file!}`).toBe(true);
    }
  });
});
