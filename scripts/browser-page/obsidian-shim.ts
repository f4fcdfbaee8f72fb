// Stands in for the `obsidian` module in the screenshot page. Only what a render file may take from
// it at run time; the page never runs the plugin itself.

import ICONS from 'lucide-static/icon-nodes.json';

const SVG = 'http://www.w3.org/2000/svg';

type IconNode = [string, Record<string, string>][];

/**
 * Draws the Lucide icon as Obsidian does (an `svg-icon` of the icon's own shapes). An id Lucide
 * does not have draws nothing but is marked `data-missing-icon`, for the tests to catch.
 */
export function setIcon(parent: HTMLElement, iconId: string): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  const name = iconId.replace(/^lucide-/, '');
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', `svg-icon lucide-${name}`);
  for (const [k, v] of Object.entries({ viewBox: '0 0 24 24', width: '24', height: '24', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true' })) svg.setAttribute(k, v);
  const node = (ICONS as unknown as Record<string, IconNode | undefined>)[name];
  if (!node) svg.setAttribute('data-missing-icon', iconId);
  for (const [tag, attrs] of node ?? []) {
    const shape = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, v);
    svg.appendChild(shape);
  }
  parent.appendChild(svg);
}

export function setTooltip(el: HTMLElement, tooltip: string): void {
  el.setAttribute('aria-label', tooltip);
}

export function getIcon(iconId: string): SVGSVGElement {
  const holder = createSpan();
  setIcon(holder, iconId);
  return holder.firstChild as SVGSVGElement;
}

export const Platform = { isMobile: false, isDesktop: true, isPhone: false, isTablet: false, isDesktopApp: true, isMobileApp: false };

export class Notice {
  constructor(public message: string | DocumentFragment) {}
  hide(): void {}
  setMessage(message: string | DocumentFragment): this {
    this.message = message;
    return this;
  }
}

export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/\/+/g, '/').replace(/^\/|\/$/g, '');
}
