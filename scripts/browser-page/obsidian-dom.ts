// Obsidian adds DOM helpers (createEl, createDiv, empty, setText, ...) to Node.prototype at start-up.
// A plain browser has none, so the page installs the same helpers, following obsidian.d.ts:
// an options string is the class; `attr` null removes; `prepend` inserts first; the callback runs last.

type AttrValue = string | number | boolean | null;

interface ElementInfo {
  cls?: string | string[];
  text?: string | DocumentFragment;
  attr?: Record<string, AttrValue>;
  title?: string;
  parent?: Node;
  value?: string;
  type?: string;
  prepend?: boolean;
  placeholder?: string;
  href?: string;
}

function classList(cls: string | string[]): string[] {
  const parts = Array.isArray(cls) ? cls : [cls];
  return parts.flatMap((c) => c.split(/\s+/)).filter((c) => c !== '');
}

function setAttr(el: Element, name: string, value: AttrValue): void {
  if (value === null || value === false) el.removeAttribute(name);
  else el.setAttribute(name, value === true ? '' : String(value));
}

function setText(el: Node, text: string | DocumentFragment): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  if (typeof text === 'string') el.appendChild(new Text(text));
  else el.appendChild(text);
}

function applyInfo(el: HTMLElement, parent: Node | undefined, o: ElementInfo | string | undefined): void {
  const info: ElementInfo = typeof o === 'string' ? { cls: o } : o ?? {};
  if (info.cls !== undefined) el.classList.add(...classList(info.cls));
  if (info.text !== undefined) setText(el, info.text);
  if (info.attr) for (const [k, v] of Object.entries(info.attr)) setAttr(el, k, v);
  if (info.title !== undefined) el.title = info.title;
  if (info.value !== undefined && 'value' in el) (el as HTMLInputElement).value = info.value;
  if (info.type !== undefined) el.setAttribute('type', info.type);
  if (info.placeholder !== undefined) el.setAttribute('placeholder', info.placeholder);
  if (info.href !== undefined) el.setAttribute('href', info.href);
  const target = info.parent ?? parent;
  if (target) {
    if (info.prepend) target.insertBefore(el, target.firstChild);
    else target.appendChild(el);
  }
}

function makeEl<K extends keyof HTMLElementTagNameMap>(
  parent: Node | undefined,
  tag: K,
  o?: ElementInfo | string,
  callback?: (el: HTMLElementTagNameMap[K]) => void,
): HTMLElementTagNameMap[K] {
  // This is createEl itself, for a plain browser; the XHTML namespace gives the same element.
  const el = document.createElementNS('http://www.w3.org/1999/xhtml', tag) as HTMLElementTagNameMap[K];
  applyInfo(el, parent, o);
  callback?.(el);
  return el;
}

type Callback<E> = ((el: E) => void) | undefined;

export function installObsidianDom(): void {
  const nodeProto = Node.prototype as unknown as Record<string, unknown>;
  const elProto = Element.prototype as unknown as Record<string, unknown>;

  nodeProto.createEl = function (this: Node, tag: keyof HTMLElementTagNameMap, o?: ElementInfo | string, cb?: Callback<HTMLElement>) {
    return makeEl(this, tag, o, cb);
  };
  nodeProto.createDiv = function (this: Node, o?: ElementInfo | string, cb?: Callback<HTMLDivElement>) {
    return makeEl(this, 'div', o, cb);
  };
  nodeProto.createSpan = function (this: Node, o?: ElementInfo | string, cb?: Callback<HTMLSpanElement>) {
    return makeEl(this, 'span', o, cb);
  };
  nodeProto.empty = function (this: Node) {
    while (this.firstChild) this.removeChild(this.firstChild);
  };
  nodeProto.detach = function (this: Node) {
    this.parentNode?.removeChild(this);
  };
  nodeProto.setText = function (this: Node, text: string | DocumentFragment) {
    setText(this, text);
  };
  nodeProto.appendText = function (this: Node, text: string) {
    this.appendChild(document.createTextNode(text));
  };
  elProto.getText = function (this: Element) {
    return this.textContent ?? '';
  };
  elProto.addClass = function (this: Element, ...classes: string[]) {
    this.classList.add(...classList(classes));
  };
  elProto.addClasses = function (this: Element, classes: string[]) {
    this.classList.add(...classList(classes));
  };
  elProto.removeClass = function (this: Element, ...classes: string[]) {
    this.classList.remove(...classList(classes));
  };
  elProto.removeClasses = function (this: Element, classes: string[]) {
    this.classList.remove(...classList(classes));
  };
  elProto.toggleClass = function (this: Element, classes: string | string[], value: boolean) {
    for (const c of classList(classes)) this.classList.toggle(c, value);
  };
  elProto.hasClass = function (this: Element, cls: string) {
    return this.classList.contains(cls);
  };
  elProto.setAttr = function (this: Element, name: string, value: AttrValue) {
    setAttr(this, name, value);
  };
  elProto.setAttrs = function (this: Element, attrs: Record<string, AttrValue>) {
    for (const [k, v] of Object.entries(attrs)) setAttr(this, k, v);
  };
  elProto.getAttr = function (this: Element, name: string) {
    return this.getAttribute(name);
  };
  elProto.find = function (this: Element, selector: string) {
    return this.querySelector(selector);
  };
  elProto.findAll = function (this: Element, selector: string) {
    return Array.from(this.querySelectorAll(selector));
  };

  // Obsidian's globals: popout-window-safe references and the free-standing creators.
  const g = window as unknown as Record<string, unknown>;
  g.activeDocument = document;
  g.activeWindow = window;
  g.createEl = (tag: keyof HTMLElementTagNameMap, o?: ElementInfo | string, cb?: Callback<HTMLElement>) =>
    makeEl(undefined, tag, o, cb);
  g.createDiv = (o?: ElementInfo | string, cb?: Callback<HTMLDivElement>) => makeEl(undefined, 'div', o, cb);
  g.createSpan = (o?: ElementInfo | string, cb?: Callback<HTMLSpanElement>) => makeEl(undefined, 'span', o, cb);
  g.createFragment = (cb?: (el: DocumentFragment) => void) => {
    const fragment = new DocumentFragment();
    cb?.(fragment);
    return fragment;
  };
}
