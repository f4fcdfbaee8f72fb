// Stands in for the `obsidian` module in the screenshot page. Only what a render file may take from
// it at run time; the page never runs the plugin itself.

const SVG = 'http://www.w3.org/2000/svg';

/** Obsidian draws a Lucide icon; the page draws a plain ring of the same size, so layout matches. */
export function setIcon(parent: HTMLElement, iconId: string): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', `svg-icon ${iconId.startsWith('lucide-') ? iconId : `lucide-${iconId}`}`);
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '24');
  svg.setAttribute('height', '24');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  svg.setAttribute('aria-hidden', 'true');
  const circle = document.createElementNS(SVG, 'circle');
  circle.setAttribute('cx', '12');
  circle.setAttribute('cy', '12');
  circle.setAttribute('r', '9');
  svg.appendChild(circle);
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
