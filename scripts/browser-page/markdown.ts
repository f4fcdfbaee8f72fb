// A small Markdown renderer for the note screenshot: the subset the advice callout and an
// application note use (callouts, headings, paragraphs, nested lists, tasks, bold, italics, code,
// links), producing the DOM Obsidian's reading view produces. Text goes in through text nodes only.
import { setIcon } from './obsidian-shim';

const INLINE = new RegExp(
  [
    '`([^`]+)`', // 1 code
    '\\*\\*(.+?)\\*\\*', // 2 bold
    '\\[\\[([^\\]|]+)(?:\\|([^\\]]+))?\\]\\]', // 3,4 wikilink
    '\\[([^\\]]+)\\]\\(([^)\\s]+)\\)', // 5,6 link
    '\\*([^*\\s][^*]*?)\\*(?![\\w*])', // 7 italic *x* (bold, tried first, takes **)
    '(^|[^\\w])_([^_\\s][^_]*?)_(?!\\w)', // 8,9 italic _x_, not inside snake_case words
    '(https?://[^\\s)<>]+)', // 10 bare URL
  ].join('|'),
  'g',
);

export function renderInline(parent: HTMLElement, text: string): void {
  let last = 0;
  // matchAll works on its own copy of the pattern, so the recursive calls below cannot disturb it.
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) parent.appendText(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) parent.createEl('code', { text: m[1] });
    else if (m[2] !== undefined) renderInline(parent.createEl('strong'), m[2]);
    else if (m[3] !== undefined) {
      const target = m[3].trim();
      parent.createEl('a', { cls: 'internal-link', text: (m[4] ?? target).trim(), href: target, attr: { 'data-href': target } });
    } else if (m[5] !== undefined && m[6] !== undefined) {
      const link = parent.createEl('a', { cls: 'external-link', href: m[6], attr: { target: '_blank', rel: 'noopener nofollow' } });
      renderInline(link, m[5]);
    } else if (m[7] !== undefined) renderInline(parent.createEl('em'), m[7]);
    else if (m[9] !== undefined) {
      parent.appendText(m[8] ?? ''); // the character before the underscore belongs to the text
      renderInline(parent.createEl('em'), m[9]);
    } else if (m[10] !== undefined) parent.createEl('a', { cls: 'external-link', text: m[10], href: m[10], attr: { target: '_blank', rel: 'noopener nofollow' } });
  }
  if (last < text.length) parent.appendText(text.slice(last));
}

const CALLOUT_HEAD = /^\[!([^\]\s]+)\]([+-]?)\s*(.*)$/;
const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const TASK = /^\[( |x|X)\]\s+(.*)$/;

interface ListLine {
  indent: number;
  ordered: boolean;
  text: string;
  /** Lines that continue the item: Obsidian shows each on its own line. */
  more: string[];
}

function renderList(parent: HTMLElement, items: ListLine[]): void {
  let i = 0;
  const build = (into: HTMLElement, indent: number): void => {
    const first = items[i];
    if (!first) return;
    const list = into.createEl(first.ordered ? 'ol' : 'ul');
    while (i < items.length) {
      const item = items[i];
      if (!item || item.indent < indent) return;
      if (item.indent > indent) {
        const host = (list.lastElementChild as HTMLElement | null) ?? list.createEl('li');
        build(host, item.indent);
        continue;
      }
      const li = list.createEl('li', { attr: { dir: 'auto' } });
      const task = TASK.exec(item.text);
      if (task && task[2] !== undefined) {
        const done = task[1] !== ' ';
        li.addClass('task-list-item');
        if (done) li.addClass('is-checked');
        li.setAttr('data-task', done ? 'x' : ' ');
        li.createEl('input', { cls: 'task-list-item-checkbox', type: 'checkbox', attr: { checked: done, tabindex: -1, 'aria-hidden': 'true' } });
        renderInline(li, task[2]);
      } else {
        renderInline(li, item.text);
      }
      for (const line of item.more) {
        li.createEl('br');
        renderInline(li, line);
      }
      i++;
    }
  };
  build(parent, items[0]?.indent ?? 0);
}

/** Callouts written folded are shown opened, as after a click on their title, when the page asks. */
const openFolded = new URLSearchParams(location.search).get('callout') === 'open';

function renderCallout(parent: HTMLElement, head: RegExpExecArray, body: string[]): void {
  const type = (head[1] ?? 'note').toLowerCase();
  const fold = head[2] ?? '';
  const callout = parent.createDiv({ cls: 'callout', attr: { 'data-callout': type, 'data-callout-fold': fold, 'data-callout-metadata': '' } });
  if (fold !== '') callout.addClass('is-collapsible');
  const title = callout.createDiv({ cls: 'callout-title', attr: { dir: 'auto' } });
  // The icon the stylesheet names for this callout type, as Obsidian reads `--callout-icon`.
  const icon = getComputedStyle(callout).getPropertyValue('--callout-icon').trim() || 'lucide-pencil';
  setIcon(title.createDiv({ cls: 'callout-icon' }), icon);
  const titleText = (head[3] ?? '').trim() || type.charAt(0).toUpperCase() + type.slice(1);
  renderInline(title.createDiv({ cls: 'callout-title-inner' }), titleText);
  if (fold !== '') setIcon(title.createDiv({ cls: 'callout-fold' }), fold === '-' && !openFolded ? 'lucide-chevron-right' : 'lucide-chevron-down');
  // A folded callout shows only its title, as in Obsidian.
  if (fold === '-' && !openFolded) {
    callout.addClass('is-collapsed');
    return;
  }
  renderBlocks(callout.createDiv({ cls: 'callout-content' }), body);
}

/** Renders Markdown lines as reading-view blocks into `parent`. */
export function renderBlocks(parent: HTMLElement, lines: string[]): void {
  let i = 0;
  let inComment = false;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    // Obsidian comments (%% ... %%) are hidden in reading view: the managed-block markers are such.
    if (inComment || line.trim().startsWith('%%')) {
      const closes = (line.match(/%%/g) ?? []).length;
      if (closes % 2 === 1) inComment = !inComment;
      i++;
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (line.startsWith('>')) {
      const quoted: string[] = [];
      while (i < lines.length && (lines[i] ?? '').startsWith('>')) {
        quoted.push((lines[i] ?? '').replace(/^> ?/, ''));
        i++;
      }
      const head = CALLOUT_HEAD.exec(quoted[0] ?? '');
      if (head) renderCallout(parent, head, quoted.slice(1));
      else renderBlocks(parent.createEl('blockquote'), quoted);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading && heading[1] && heading[2] !== undefined) {
      const level = heading[1].length as 1 | 2 | 3 | 4 | 5 | 6;
      renderInline(parent.createEl(`h${level}`, { attr: { dir: 'auto' } }), heading[2]);
      i++;
      continue;
    }
    if (/^(-{3,}|\*{3,})\s*$/.test(line)) {
      parent.createEl('hr');
      i++;
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const items: ListLine[] = [];
      while (i < lines.length) {
        const m = LIST_ITEM.exec(lines[i] ?? '');
        if (m && m[1] !== undefined && m[2] !== undefined && m[3] !== undefined) {
          items.push({ indent: m[1].replace(/\t/g, '    ').length, ordered: /\d/.test(m[2]), text: m[3], more: [] });
        } else if ((lines[i] ?? '').trim() !== '' && /^\s+/.test(lines[i] ?? '') && items.length > 0) {
          const lastItem = items[items.length - 1];
          lastItem?.more.push((lines[i] ?? '').trim());
        } else break;
        i++;
      }
      renderList(parent, items);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length) {
      const next = lines[i] ?? '';
      if (next.trim() === '' || next.startsWith('>') || /^#{1,6}\s/.test(next) || LIST_ITEM.test(next) || next.trim().startsWith('%%')) break;
      paragraph.push(next.trim());
      i++;
    }
    const p = parent.createEl('p', { attr: { dir: 'auto' } });
    paragraph.forEach((text, n) => {
      if (n > 0) p.createEl('br');
      renderInline(p, text);
    });
  }
}
