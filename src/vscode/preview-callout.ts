// Obsidian callouts in VS Code's built-in Markdown preview. The preview does not know `> [!type]`,
// so this markdown-it plugin marks such a blockquote as a callout (classes the preview stylesheet
// colours with the theme) and takes the `[!type]` marker off its title; the `%% ... %%` comments
// around our managed block are hidden, as in Obsidian. A foldable callout (`[!type]-` folded,
// `[!type]+` open) becomes a <details> with the title as its <summary>, closed or open as Obsidian
// shows it. It only adds and moves tokens and sets attributes: no HTML is produced from the note's text.

/** The parts of markdown-it's token this plugin uses. */
export interface MarkdownToken {
  type: string;
  tag: string;
  content: string;
  level: number;
  block: boolean;
  children: MarkdownToken[] | null;
  hidden: boolean;
  map: [number, number] | null;
  attrJoin(name: string, value: string): void;
  attrSet(name: string, value: string): void;
}

interface CoreState {
  tokens: MarkdownToken[];
  Token: new (type: string, tag: string, nesting: -1 | 0 | 1) => MarkdownToken;
}

export interface MarkdownIt {
  use(plugin: (md: MarkdownIt) => void): MarkdownIt;
  core: { ruler: { push(name: string, rule: (state: CoreState) => void): void } };
}

const MARKER = /^\[!([A-Za-z0-9][\w-]*)\]([+-]?)[ \t]*/;
/** An Obsidian comment filling the whole paragraph, like `%% job-hunt-advisor: start %%`. */
const COMMENT = /^%%[^\n]*%%$/;

function hideComment(tokens: MarkdownToken[], i: number): void {
  const open = tokens[i];
  const inline = tokens[i + 1];
  const close = tokens[i + 2];
  if (open?.type !== 'paragraph_open' || inline?.type !== 'inline' || close?.type !== 'paragraph_close') return;
  if (!COMMENT.test(inline.content.trim())) return;
  open.hidden = true;
  close.hidden = true;
  inline.children = [];
}

/** Turns the blockquote opening at `i` into a callout when its first line is `[!type] Title`. */
function callout(state: CoreState, i: number): void {
  const { tokens } = state;
  const quote = tokens[i];
  const open = tokens[i + 1];
  const inline = tokens[i + 2];
  const close = tokens[i + 3];
  if (!quote || open?.type !== 'paragraph_open' || inline?.type !== 'inline' || close?.type !== 'paragraph_close') return;
  const first = inline.children?.[0];
  const marker = first?.type === 'text' ? MARKER.exec(first.content) : null;
  if (!first || !marker || !inline.children) return;
  const type = (marker[1] ?? 'note').toLowerCase();
  quote.attrJoin('class', 'jha-callout');
  quote.attrSet('data-callout', type);
  first.content = first.content.slice(marker[0].length);
  const fold = marker[2];
  // The title is the first line; the rest of that paragraph becomes the callout's first paragraph.
  const children = inline.children;
  const lineBreak = children.findIndex((t) => t.type === 'softbreak' || t.type === 'hardbreak');
  const title = lineBreak < 0 ? children : children.slice(0, lineBreak);
  const rest = lineBreak < 0 ? [] : children.slice(lineBreak + 1);
  inline.children = title;
  open.attrJoin('class', 'jha-callout-title');
  if (title.every((t) => t.type === 'text' && t.content.trim() === '')) {
    // `> [!note]` alone: the type is the title, as in Obsidian.
    const text = new state.Token('text', '', 0);
    text.content = type.charAt(0).toUpperCase() + type.slice(1).replace(/-/g, ' ');
    inline.children = [text];
  }
  if (rest.length > 0) {
    const restOpen = new state.Token('paragraph_open', 'p', 1);
    const restInline = new state.Token('inline', '', 0);
    const restClose = new state.Token('paragraph_close', 'p', -1);
    restOpen.map = open.map;
    restOpen.block = restClose.block = true;
    restInline.children = rest;
    restInline.content = '';
    tokens.splice(i + 4, 0, restOpen, restInline, restClose);
  }
  if (fold === '-' || fold === '+') foldable(state, i, fold === '+');
}

/**
 * The callout opening at `i` (its title paragraph right after) as a <details> inside the quote:
 * the title paragraph becomes the <summary>, the body follows, `open` only for `[!type]+`.
 */
function foldable(state: CoreState, i: number, open: boolean): void {
  const { tokens } = state;
  const quote = tokens[i];
  const title = tokens[i + 1];
  const titleClose = tokens[i + 3];
  if (!quote || !title || !titleClose) return;
  // The quote's own closing token: the first blockquote_close back at its level.
  let end = i + 4;
  while (end < tokens.length && !(tokens[end]?.type === 'blockquote_close' && tokens[end]?.level === quote.level)) end++;
  if (end >= tokens.length) return;
  title.tag = 'summary';
  titleClose.tag = 'summary';
  quote.attrSet('data-callout-fold', open ? '+' : '-');
  const detailsOpen = new state.Token('jha_callout_details_open', 'details', 1);
  const detailsClose = new state.Token('jha_callout_details_close', 'details', -1);
  detailsOpen.block = detailsClose.block = true;
  detailsOpen.map = quote.map;
  if (open) detailsOpen.attrSet('open', '');
  tokens.splice(end, 0, detailsClose);
  tokens.splice(i + 1, 0, detailsOpen);
}

export function calloutPreviewPlugin(md: MarkdownIt): void {
  md.core.ruler.push('job_hunt_advisor_callouts', (state) => {
    for (let i = 0; i < state.tokens.length; i++) {
      const token = state.tokens[i];
      if (token?.type === 'blockquote_open') callout(state, i);
      else if (token?.type === 'paragraph_open') hideComment(state.tokens, i);
    }
  });
}
