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
    expect(render('> [!warning]- Careful\n> Body')).toContain('<blockquote class="jha-callout" data-callout="warning">');
    expect(render('> [!tip]')).toContain('<p class="jha-callout-title">Tip</p>');
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
