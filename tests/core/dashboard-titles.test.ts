// `Job hunt.base` lists application notes and task notes side by side. A title field means the job
// title in one (where the vault names its role `title`) and the task's title in the other: the
// generated Base is parsed with js-yaml and each view evaluated row by row, the way Bases would,
// to see which title every column shows for each kind of note.
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { JOB_TITLE_FORMULA, renderDashboard, VIEW_BOTH, VIEW_BY_STAGE, VIEW_FOLLOW_UPS } from '../../src/core/dashboard';
import { learnSchema } from '../../src/core/vault-schema';

interface Note {
  path: string;
  frontmatter: Record<string, unknown>;
}
type Filter = string | { and?: Filter[]; or?: Filter[]; not?: Filter[] };
interface Base {
  formulas: Record<string, string>;
  properties: Record<string, { displayName?: string }>;
  views: { name: string; filters: Filter; order: string[] }[];
}

/** Splits `a, b, c` at the commas outside quotes and parentheses. */
function args(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}

const unquote = (s: string): string => JSON.parse(s) as string;

/** Just the expressions the Base uses; anything else fails the test rather than guessing. */
function evaluate(expr: string, note: Note, base: Base): unknown {
  const e = expr.trim();
  const tags = (note.frontmatter.tags as string[] | undefined) ?? [];
  let m: RegExpExecArray | null;
  if ((m = /^!(.*)$/s.exec(e))) return !evaluate(m[1]!, note, base);
  if ((m = /^file\.(inFolder|hasProperty|hasTag)\(("(?:[^"\\]|\\.)*")\)$/.exec(e))) {
    const arg = unquote(m[2]!);
    if (m[1] === 'inFolder') return note.path.startsWith(`${arg}/`);
    if (m[1] === 'hasProperty') return arg in note.frontmatter;
    return tags.includes(arg);
  }
  if ((m = /^if\((.*)\)$/s.exec(e))) {
    const [cond, yes, no] = args(m[1]!);
    return evaluate(cond!, note, base) ? evaluate(yes!, note, base) : no === undefined ? null : evaluate(no, note, base);
  }
  if ((m = /^(\w+) != ("(?:[^"\\]|\\.)*")$/.exec(e))) return note.frontmatter[m[1]!] !== unquote(m[2]!);
  if (/^"(?:[^"\\]|\\.)*"$/.test(e)) return unquote(e);
  if (e === 'file.name') return note.path.split('/').pop()!.replace(/\.md$/, '');
  if ((m = /^note\.(\w[\w-]*)$/.exec(e))) return note.frontmatter[m[1]!] ?? null;
  if ((m = /^note\[("(?:[^"\\]|\\.)*")\]$/.exec(e))) return note.frontmatter[unquote(m[1]!)] ?? null;
  if ((m = /^formula\.(\w+)$/.exec(e))) {
    const formula = base.formulas[m[1]!];
    if (formula === undefined) throw new Error(`no formula ${m[1]}`);
    return evaluate(formula, note, base);
  }
  throw new Error(`expression not understood by this test: ${e}`);
}

function passes(filter: Filter, note: Note, base: Base): boolean {
  if (typeof filter === 'string') return Boolean(evaluate(filter, note, base));
  if (filter.and) return filter.and.every((f) => passes(f, note, base));
  if (filter.or) return filter.or.some((f) => passes(f, note, base));
  if (filter.not) return !filter.not.some((f) => passes(f, note, base));
  throw new Error('empty filter');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Each view's rows: the notes it lists, with the text of each column. */
function table(base: Base, notes: Note[]): Map<string, Map<string, string[]>> {
  return new Map(base.views.map((v) => [
    v.name,
    new Map(notes.filter((n) => passes(v.filters, n, base)).map((n) => [n.path, v.order.map((col) => cellText(evaluate(col, n, base)))])),
  ]));
}

const folders = { applications: 'Applications', tasks: 'Job hunt tasks' };
const TASK: Note = {
  path: 'Job hunt tasks/Send a thank-you letter to Ana Silva.md',
  frontmatter: { title: 'Send a thank-you letter to Ana Silva', status: 'open', due: '2026-03-10', tags: ['task'], projects: ['[[Applications/Orchid Labs]]'] },
};

/** The vault's role field is `title` (or `Job-Title`): the very name TaskNotes uses for a task's title. */
for (const roleField of ['title', 'Job-Title', 'role']) {
  describe(`a Base listing applications and task notes, the job title in \`${roleField}\``, () => {
    const app: Note = { path: 'Applications/Orchid Labs.md', frontmatter: { stage: 'Applied', company: 'Orchid Labs', [roleField]: 'Data Analyst', applied: '2026-03-02' } };
    const schema = learnSchema([{ path: app.path, frontmatter: app.frontmatter }], { fieldMap: {}, stageAliases: {} });
    const base = load(renderDashboard(schema, folders)) as Base;
    const rows = table(base, [app, TASK]);

    it('learns the role field it is written against', () => {
      expect(schema.fields.role).toBe(roleField);
    });

    it('the side-by-side view lists both, each title once, and never the task title under the job title', () => {
      const both = rows.get(VIEW_BOTH)!;
      expect([...both.keys()]).toEqual([app.path, TASK.path]);
      const view = base.views.find((v) => v.name === VIEW_BOTH)!;
      const jobColumn = view.order.indexOf(`formula.${JOB_TITLE_FORMULA}`);
      expect(base.properties[`formula.${JOB_TITLE_FORMULA}`]?.displayName).toBe('Job title');
      expect(both.get(app.path)![jobColumn]).toBe('Data Analyst');
      expect(both.get(TASK.path)![jobColumn]).toBe('');
      expect(both.get(app.path)!.filter((cell) => cell.includes('Data Analyst'))).toHaveLength(1);
      expect(both.get(TASK.path)!.filter((cell) => cell.includes('Send a thank-you letter'))).toHaveLength(1);
    });

    it('every view shows a title at most once per row, and no column holds job titles for some rows and task titles for others', () => {
      for (const view of base.views) {
        const listed = rows.get(view.name)!;
        for (const [path, cells] of listed) {
          const own = path === app.path ? 'Data Analyst' : 'Send a thank-you letter';
          expect(cells.filter((c) => c.includes(own)).length, `${view.name}: ${path}`).toBeLessThanOrEqual(1);
        }
        const appCells = listed.get(app.path);
        const taskCells = listed.get(TASK.path);
        if (!appCells || !taskCells) continue;
        view.order.forEach((column, i) => {
          const mixed = appCells[i]!.includes('Data Analyst') && taskCells[i]!.includes('Send a thank-you letter');
          expect(mixed, `${view.name}: column ${column}`).toBe(false);
        });
      }
      expect(rows.get(VIEW_BY_STAGE)!.has(TASK.path)).toBe(false);
      expect([...rows.get(VIEW_FOLLOW_UPS)!.keys()]).toEqual([TASK.path]);
    });
  });
}
