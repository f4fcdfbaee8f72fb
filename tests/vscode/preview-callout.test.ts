// The callout in VS Code's Markdown preview: the plugin on markdown-it, the parser the preview uses.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { calloutPreviewPlugin } from '../../src/vscode/preview-callout';
import type { MarkdownIt as PluginHost } from '../../src/vscode/preview-callout';

function render(markdown: string, html = false): string {
  const md = new MarkdownIt({ html });
  (md as unknown as PluginHost).use(calloutPreviewPlugin);
  return md.render(markdown);
}

const block = [
  '%% job-hunt-advisor: start %%',
  '',
  '> [!job-hunt-advice] Connect with Dana Whitfield on LinkedIn? Yes, now',
  '> You applied yesterday (2026-03-08) and have no interview yet.',
  '>',
  '> **Yes: send Dana a connection request now.** Reason.',
  '',
  '%% job-hunt-advisor: end %%',
  '# Orchid Labs',
].join('\n');

describe('the advice callout in the Markdown preview', () => {
  it('is a callout with its title, without the [!type] marker, and the managed-block comments are hidden', () => {
    const html = render(block);
    expect(html).toContain('<blockquote class="jha-callout" data-callout="job-hunt-advice">');
    expect(html).toContain('<p class="jha-callout-title">Connect with Dana Whitfield on LinkedIn? Yes, now</p>');
    expect(html).toContain('<p>You applied yesterday (2026-03-08) and have no interview yet.</p>');
    expect(html).not.toContain('[!job-hunt-advice]');
    expect(html).not.toContain('%%');
    expect(html).toContain('<h1>Orchid Labs</h1>');
  });

  it('gives any Obsidian callout its type, and a bare one its type as the title', () => {
    expect(render('> [!warning] Careful\n> Body')).toContain('<blockquote class="jha-callout" data-callout="warning">');
    expect(render('> [!tip]')).toContain('<p class="jha-callout-title">Tip</p>');
  });

  it('shows a folded callout (`[!type]-`) folded: a closed <details> with the title as its summary', () => {
    const html = render('> [!job-hunt-advice]- Connect with Dana? Yes, now\n> You applied yesterday.\n>\n> **Yes.** Reason.\n\nAfter');
    expect(html).toContain('<blockquote class="jha-callout" data-callout="job-hunt-advice" data-callout-fold="-">\n<details>\n<summary class="jha-callout-title">Connect with Dana? Yes, now</summary>');
    // The body is inside the <details>, the text after the callout outside the quote.
    const body = html.slice(html.indexOf('<details>'), html.indexOf('</details>'));
    expect(body).toContain('<p>You applied yesterday.</p>');
    expect(body).toContain('<p><strong>Yes.</strong> Reason.</p>');
    expect(html).toMatch(/<\/details>\n<\/blockquote>\n<p>After<\/p>/);
    expect(html).not.toContain('<details open');
  });

  it('shows an unfolded callout (`[!type]+`) open, and a plain one without any <details>', () => {
    expect(render('> [!tip]+ Open me\n> Body')).toContain('<details open="">\n<summary class="jha-callout-title">Open me</summary>');
    const plain = render('> [!tip] Always open\n> Body');
    expect(plain).not.toContain('<details');
    expect(plain).toContain('<p class="jha-callout-title">Always open</p>');
  });

  it('folds a callout holding a nested quote and a list, closing the <details> at the outer quote', () => {
    const html = render('> [!note]- Outer\n> - one\n> - two\n>\n> > inner quote\n>\n> last line\n\nOutside');
    const details = html.slice(html.indexOf('<details>'), html.indexOf('</details>') + '</details>'.length);
    expect(details).toContain('<li>one</li>');
    expect(details).toContain('<blockquote>\n<p>inner quote</p>\n</blockquote>');
    expect(details).toContain('<p>last line</p>');
    expect(html.indexOf('<p>Outside</p>')).toBeGreaterThan(html.indexOf('</blockquote>\n<p>Outside'));
    expect(html.match(/<details>/g)).toHaveLength(1);
  });

  it('folds the callout the extension itself writes folded, and keeps note text as text inside it', () => {
    const html = render(block.replace('[!job-hunt-advice]', '[!job-hunt-advice]-').replace('Reason.', 'Reason <script>alert(1)</script>.'));
    expect(html).toContain('<details>\n<summary class="jha-callout-title">Connect with Dana Whitfield on LinkedIn? Yes, now</summary>');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('</details>\n</blockquote>');
  });

  it('leaves ordinary quotes and paragraphs with %% in them alone', () => {
    expect(render('> Just a quote')).toContain('<blockquote>\n<p>Just a quote</p>');
    expect(render('Discount of 10%% today')).toContain('<p>Discount of 10%% today</p>');
  });

  it('never turns note text into HTML: a title with markup stays text', () => {
    const html = render('> [!job-hunt-advice] <img src=x onerror=alert(1)> Title\n> body');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; Title');
  });
});
