import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeNote, findVaultRoot, OutsideVault, Vault } from '../../src/cli/vault';
import { decodeUtf8Exactly } from '../../src/core/utf8';
import { runs } from '../stress';

let dir: string;
let vault: Vault;

function put(rel: string, text: string): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jha-vault-'));
  vault = new Vault(dir);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('listNotes', () => {
  it('finds Markdown notes, skipping hidden folders, node_modules, the tasks folder and other files', () => {
    put('A.md', '');
    put('Sub/B.MD', '');
    put('Sub/c.txt', '');
    put('.config/plugins/x/README.md', '');
    put('.trash/Old.md', '');
    put('.git/x.md', '');
    put('node_modules/pkg/README.md', '');
    put('Job hunt tasks/Task.md', '');
    expect(vault.listNotes(dir, ['Job hunt tasks']).map((f) => vault.relative(f))).toEqual(['A.md', 'Sub/B.MD']);
  });

  it('does not follow a link to a folder outside the vault', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'jha-outside-'));
    fs.writeFileSync(path.join(outside, 'Secret.md'), '---\nstage: Applied\n---\n');
    fs.symlinkSync(outside, path.join(dir, 'Linked'));
    expect(vault.listNotes(dir, [])).toEqual([]);
    fs.rmSync(outside, { recursive: true, force: true });
  });
});

describe('resolve', () => {
  it('refuses paths that climb out of the vault', () => {
    expect(() => vault.resolve('../elsewhere')).toThrow(OutsideVault);
    expect(() => vault.resolve('Tasks/../../elsewhere/x.md')).toThrow(OutsideVault);
    expect(() => vault.resolve(path.join(os.tmpdir(), 'x.md'))).toThrow(OutsideVault);
    expect(vault.resolve('Tasks/x.md')).toBe(path.join(dir, 'Tasks', 'x.md'));
  });

  it('refuses a folder inside the vault that is a link to outside', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'jha-outside-'));
    fs.symlinkSync(outside, path.join(dir, 'Tasks'));
    expect(() => vault.resolve('Tasks/New.md')).toThrow(/through a link/);
    expect(() => vault.create('Tasks/New.md', 'x')).toThrow(OutsideVault);
    expect(fs.readdirSync(outside)).toEqual([]);
    fs.rmSync(outside, { recursive: true, force: true });
  });
});

describe('create', () => {
  it('creates a note with its folders, and never overwrites one', () => {
    expect(vault.create('Tasks/Deep/New.md', 'first')).toBe(true);
    expect(vault.create('Tasks/Deep/New.md', 'second')).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'Tasks/Deep/New.md'), 'utf8')).toBe('first');
    expect(fs.readdirSync(path.join(dir, 'Tasks/Deep'))).toEqual(['New.md']);
  });
});

describe('replace', () => {
  it('replaces the text and leaves no temporary file behind', () => {
    const file = put('Note.md', 'old');
    vault.replace(file, 'old', 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['Note.md']);
  });

  it('writes nothing when the note changed since it was read', () => {
    const file = put('Note.md', 'changed meanwhile');
    expect(() => vault.replace(file, 'old', 'new')).toThrow(/changed while being read/);
    expect(fs.readFileSync(file, 'utf8')).toBe('changed meanwhile');
    expect(fs.readdirSync(dir)).toEqual(['Note.md']);
  });

  it('refuses to write through a note that links outside the vault', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'jha-outside-'));
    const target = path.join(outside, 'Real.md');
    fs.writeFileSync(target, 'old');
    fs.symlinkSync(target, path.join(dir, 'Link.md'));
    expect(() => vault.replace(path.join(dir, 'Link.md'), 'old', 'new')).toThrow(OutsideVault);
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    fs.rmSync(outside, { recursive: true, force: true });
  });
});

describe('findVaultRoot', () => {
  it("finds the nearest folder up holding Obsidian's configuration folder (whatever its name)", () => {
    put('.my-config/app.json', '{}');
    put('Applications/Deep/A.md', '');
    expect(findVaultRoot(path.join(dir, 'Applications/Deep'))).toBe(dir);
  });

  it('finds the nearest folder up holding the config file', () => {
    put('Inner/.job-hunt-advisor.json', '{}');
    put('Inner/Applications/A.md', '');
    expect(findVaultRoot(path.join(dir, 'Inner/Applications'))).toBe(path.join(dir, 'Inner'));
  });
});

describe('decodeNote: the scan\'s UTF-8 check, Node\'s validator in front of the core\'s', () => {
  // Bytes near the edges of UTF-8 (leads, continuations, surrogates, overlongs, past U+10FFFF) mixed
  // into real text, so both well-formed and broken notes come up often.
  const edgy = fc.constantFrom(0x00, 0x0a, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff);
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme' }).map((s) => [...Buffer.from(s, 'utf8')]),
    fc.array(fc.oneof(edgy, fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
    fc.constant([0xef, 0xbb, 0xbf]), // a byte-order mark, kept as text
  );
  const notes = fc.array(piece, { maxLength: 8 }).map((parts) => Buffer.from(parts.flat()));

  it('gives exactly the core\'s answer for any bytes: the same text, or the same first bad byte', () => {
    fc.assert(fc.property(notes, (bytes) => {
      expect(decodeNote(bytes)).toEqual(decodeUtf8Exactly(new Uint8Array(bytes)));
    }), { numRuns: runs(5000) });
  });

  it('reads a note with a byte-order mark, accents and emoji as written, and names the byte of a Latin-1 one', () => {
    const text = '\uFEFF---\ncompany: Café Ünïcode 🎉\n---\n';
    expect(decodeNote(Buffer.from(text, 'utf8'))).toEqual({ ok: true, text });
    expect(decodeNote(Buffer.from('---\ncompany: Caf\xe9\n---\n', 'latin1'))).toEqual({ ok: false, offset: 16, byte: 0xe9 });
  });
});

describe('reading notes met in a listing', () => {
  it('a note swapped for a FIFO after the listing is refused without waiting on it', () => {
    const file = put('Pipe.md', '---\nstage: applied\n---\n');
    expect(vault.listNotes(dir, [])).toEqual([file]);
    fs.rmSync(file);
    execFileSync('mkfifo', [file]);
    expect(() => vault.read(file)).toThrow('is a named pipe (FIFO), not a note; not read');
  });
});

describe('relative', () => {
  it('names any path as path.relative does (with `/`), inside the vault or not, however it is written', () => {
    const part = fc.constantFrom('a', 'Notes', 'b.md', '.', '..', '', ' ', 'é', '.hidden', '...', 'x\\y', '-');
    const written = fc.tuple(fc.constantFrom(dir, `${dir}/`, path.dirname(dir), '/', `${dir}x`), fc.array(part, { maxLength: 5 }))
      .map(([base, parts]) => [base, ...parts].join('/'));
    fc.assert(fc.property(written, (absolute) => {
      expect(vault.relative(absolute)).toBe(path.relative(dir, absolute).split(path.sep).join('/'));
    }), { numRuns: runs(5000) });
  });
});

describe('read, one note after another', () => {
  it('gives each note its own text, long after short and short after long, and a non-UTF-8 note keeps its own bytes', () => {
    const texts = ['short', 'x'.repeat(200_000), 'é'.repeat(10), '', 'y'.repeat(3 << 20), 'z'.repeat(70_000), 'end'];
    const files = texts.map((t, i) => put(`n${i}.md`, t));
    const bad = path.join(dir, 'bad.md');
    fs.writeFileSync(bad, Buffer.from('---\ncompany: Caf\xe9\n---\n', 'latin1'));
    let problem: unknown;
    try {
      vault.read(bad);
    } catch (error) {
      problem = error;
    }
    const read = files.map((f) => vault.read(f));
    expect(read).toEqual(texts);
    expect(Buffer.from((problem as { bytes: Uint8Array }).bytes)).toEqual(fs.readFileSync(bad));
  });
});
