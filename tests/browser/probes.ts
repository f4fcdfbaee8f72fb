// Measurements taken inside the page (bundled and injected by harness.ts). They only read the DOM
// and computed styles; the assertions happen in the tests, in Node.

export interface OverflowFinding {
  what: string;
  scrollWidth: number;
  clientWidth: number;
  overhang: number;
}

export interface ContrastFinding {
  what: string;
  text: string;
  ratio: number;
  color: string;
  background: string;
}

export interface FocusStop {
  index: number;
  tag: string;
  name: string;
}

type Rgba = [number, number, number, number];

function describe(el: Element): string {
  const cls = typeof el.className === 'string' && el.className.trim() !== '' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
  const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
}

function visible(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return false;
  // checkVisibility also knows content that is laid out but not shown (inside a closed <details>).
  return el.checkVisibility({ visibilityProperty: true });
}

/**
 * Horizontal overflow inside `rootSelector` (the pane): the root itself, every element that scrolls
 * sideways (scrollWidth > clientWidth, except text deliberately cut with an ellipsis), and every
 * element sticking out past the root's right edge.
 */
export function overflow(rootSelector: string): OverflowFinding[] {
  const root = document.querySelector(rootSelector);
  if (!root) throw new Error(`no ${rootSelector} in the page`);
  const findings: OverflowFinding[] = [];
  const right = root.getBoundingClientRect().right;
  const elements = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const el of elements) {
    if (!visible(el) || el.namespaceURI === 'http://www.w3.org/2000/svg') continue;
    const style = getComputedStyle(el);
    const ellipsis = style.textOverflow === 'ellipsis' && (style.overflowX === 'hidden' || style.overflowX === 'clip');
    const scrolls = el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 0.5 && !ellipsis;
    const overhang = el.getBoundingClientRect().right - right;
    if (scrolls || overhang > 0.5) {
      findings.push({ what: describe(el), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, overhang: Math.round(overhang) });
    }
  }
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) findings.push({ what: 'the page', scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, overhang: doc.scrollWidth - doc.clientWidth });
  return findings;
}

function parseColor(text: string): Rgba {
  const m = /^rgba?\(([^)]+)\)$/.exec(text.trim());
  if (!m || m[1] === undefined) throw new Error(`cannot read colour "${text}"`);
  const parts = m[1].split(/[\s,/]+/).filter((p) => p !== '').map(Number);
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
}

/** `top` drawn with its alpha over an opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (v: number): number => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function ratio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The opaque colour behind `el`: every ancestor's background, painted from the page down. */
function effectiveBackground(el: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) layers.push(parseColor(getComputedStyle(node).backgroundColor));
  let colour: Rgba = [255, 255, 255, 1]; // the canvas under everything
  for (const layer of layers.reverse()) colour = over(layer, colour);
  return colour;
}

function opacity(el: Element): number {
  let o = 1;
  for (let node: Element | null = el; node; node = node.parentElement) o *= Number(getComputedStyle(node).opacity);
  return o;
}

/** WCAG contrast of every visible element that holds text of its own, inside `rootSelector`. */
export function contrast(rootSelector: string): ContrastFinding[] {
  const root = document.querySelector(rootSelector);
  if (!root) throw new Error(`no ${rootSelector} in the page`);
  const results: ContrastFinding[] = [];
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    const ownText = Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (ownText === '' || !visible(el)) continue;
    const background = effectiveBackground(el);
    const fg = parseColor(getComputedStyle(el).color);
    const text = over([fg[0], fg[1], fg[2], fg[3] * opacity(el)], background);
    const round = (c: Rgba): string => `rgb(${c.slice(0, 3).map((v) => Math.round(v)).join(', ')})`;
    results.push({ what: describe(el), text: ownText.slice(0, 60), ratio: Math.round(ratio(text, background) * 100) / 100, color: round(text), background: round(background) });
  }
  return results;
}

const FOCUSABLE = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [role="button"]';

/** Numbers the focusable elements of the page in DOM order, and lists the buttons among them. */
export function markFocusable(): { count: number; buttons: { index: number; name: string; visible: boolean }[] } {
  const all = Array.from(document.querySelectorAll(FOCUSABLE)).filter((el) => visible(el) && el.getAttribute('tabindex') !== '-1');
  all.forEach((el, index) => el.setAttribute('data-probe-index', String(index)));
  const buttons = all
    .map((el, index) => ({ el, index }))
    .filter(({ el }) => el.tagName === 'BUTTON' || el.getAttribute('role') === 'button')
    .map(({ el, index }) => ({ index, name: (el.textContent ?? '').trim(), visible: visible(el) }));
  return { count: all.length, buttons };
}

/** Where keyboard focus is now, as numbered by markFocusable (-1: nothing numbered). */
export function focused(): FocusStop {
  const el = document.activeElement;
  if (!el || el === document.body) return { index: -1, tag: 'body', name: '' };
  return { index: Number(el.getAttribute('data-probe-index') ?? '-1'), tag: el.tagName.toLowerCase(), name: (el.textContent ?? '').trim().slice(0, 40) };
}

/** Reading order on screen for two numbered elements: `b` is not above `a`, nor left of it on the same line. */
export function readsAfter(a: number, b: number): boolean {
  const ra = document.querySelector(`[data-probe-index="${a}"]`)?.getBoundingClientRect();
  const rb = document.querySelector(`[data-probe-index="${b}"]`)?.getBoundingClientRect();
  if (!ra || !rb) return false;
  const sameLine = rb.top < ra.bottom - 2 && ra.top < rb.bottom - 2;
  return sameLine ? rb.left >= ra.left - 1 : rb.top >= ra.top;
}

/** Per advice card (found by its title text), the card's visible text. */
export function cardTexts(rootSelector: string, titles: string[], details: string[]): (string | undefined)[] {
  const root = document.querySelector(rootSelector);
  if (!root) throw new Error(`no ${rootSelector} in the page`);
  return titles.map((title, n) => {
    const titleEl = Array.from(root.querySelectorAll('*')).find((el) => el.children.length === 0 && (el.textContent ?? '').trim() === title);
    // The card is the nearest ancestor of the title that also holds the advice's detail.
    let card = titleEl?.parentElement ?? null;
    while (card && card !== root && !(card.textContent ?? '').includes(details[n] ?? '')) card = card.parentElement;
    return card && card !== root ? card.innerText : undefined;
  });
}

declare global {
  interface Window {
    jobHuntProbes: typeof probes;
  }
}
const probes = { overflow, contrast, markFocusable, focused, readsAfter, cardTexts };
window.jobHuntProbes = probes;
