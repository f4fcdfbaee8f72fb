// Issue 12: every place that writes a name writes it through the one escape (escapeMarkdown in
// src/core/text.ts): the callout, the task note's body and its Application link label, the Tasks
// checklist line. A name is text: never HTML, a link, a tag, a comment, math or a live URL.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../stress';
import { advise } from '../../src/core/advice';
import { readApplication } from '../../src/core/application';
import { renderAdviceCallout } from '../../src/core/callout';
import { planFollowUps } from '../../src/core/followups';
import type { FollowUp } from '../../src/core/model';
import { defaultSettings } from '../../src/core/settings';
import { renderTaskNote, renderTasksLine } from '../../src/core/task-note';
import { escapeMarkdown } from '../../src/core/text';

const SETTINGS = defaultSettings();
const TODAY = '2026-03-09';

/** Every follow-up and the callout for an application whose every name is `name`. */
function rendered(name: string, file = 'Applications/App.md'): { callout: string; followUps: FollowUp[] } {
  const frontmatter = {
    stage: 'Interviewing',
    company: name,
    role: name,
    applied: '2026-02-20',
    interview_date: '2026-03-05',
    hiring_manager: name,
    interviewers: [name, `${name} two`],
    recruiter: name,
  };
  const read = readApplication({ frontmatter, body: '', path: file }, SETTINGS);
  if (!read.ok) throw new Error(read.problem.message);
  const report = advise(read.application, TODAY);
  const followUps = planFollowUps(report, SETTINGS);
  return { callout: renderAdviceCallout(report, followUps), followUps };
}

/** What Markdown would make live of unescaped text: each pattern, named. */
const LIVE: [string, RegExp][] = [
  ['an HTML tag', /(?<!\\)<\/?[A-Za-z!?]/],
  ['a wikilink or embed', /(?<!\\)\[(?<!\\)\[/],
  ['a Markdown link', /(?<!\\)\]\(/],
  ['a tag', /(?:^|\s)(?<!\\)#[^\s#\\]/],
  ['a comment', /(?<!\\)%(?<!\\)%/],
  ['math', /(?<!\\)\$/],
  ['a bare URL', /[A-Za-z][\w+.-]*:\/\//],
  ['a www. link', /\bwww\./i],
  ['an e-mail link', /[\w.+-](?<!\\)@[\w-]+\.[a-z]/i],
  ['an entity', /(?<!\\)&#?\w+;/],
  ['a highlight', /(?<!\\)=(?<!\\)=/],
  ['inline code', /(?<!\\)`/],
];

/** The task note's Markdown body without its frontmatter, draft fence and link target. */
function bodyOf(note: string): string {
  return note
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/(`{3,})text\n[\s\S]*?\n\1/g, '')
    // Our own link to the application: its alias is checked as text.
    .replace(/^Application: \[\[[^|\]]*\|?([^\]]*)\]\]$/m, 'Application: $1')
    .replace(/\]\([^)]*\)/g, ']');
}

/** The Tasks line without our own link to its task note. */
function tasksLine(f: FollowUp): string {
  return renderTasksLine(f, SETTINGS).replace(/ \[\[[^\]|]*\|task note\]\]/, '');
}

function expectInert(where: string, text: string): void {
  for (const [what, pattern] of LIVE) expect(pattern.test(text), `${where} holds ${what}: ${text.slice(0, 300)}`).toBe(false);
}

const HOSTILE = [
  '<img src=https://tracker.example/p.gif>',
  '<script>alert(1)</script> Corp',
  '[[Secret note]] Ltd',
  '![[Embed.png]]',
  '#urgent #task Acme',
  '[click](javascript:alert(1))',
  '<javascript:alert(1)>',
  'https://evil.example/login',
  'Visit www.evil.example today',
  'ana@evil.example',
  'Acme %% hidden %% Inc',
  '$$x^2$$ Analytics',
  '==Highlighted== Co',
  '`code` Labs',
  '&lt;b&gt; Entities &#60;',
  '<!-- comment --> Org',
  'Ana ^block-id',
  '| Table | Row |',
];

describe('names are escaped the same way everywhere they are written', () => {
  it.each(HOSTILE)('%j: the callout, the task notes and the Tasks lines hold nothing live', (name) => {
    const { callout, followUps } = rendered(name);
    expect(followUps.length).toBeGreaterThan(0);
    expectInert('the callout', callout.replace(/^> \[!job-hunt-advice\]/, '>'));
    for (const f of followUps) {
      expectInert('a Tasks line', tasksLine(f));
      expectInert('a task note body', bodyOf(renderTaskNote(f, SETTINGS).content));
    }
  });

  it('the Tasks line holds the title exactly as the one escape writes it', () => {
    const { followUps } = rendered('<b>Acme</b> #hiring');
    for (const f of followUps) expect(renderTasksLine(f, SETTINGS)).toContain(`- [ ] ${escapeMarkdown(f.title.replace(/#/g, '＃'))} [[`);
  });

  it('the Application line links the note by its path, its label escaped', () => {
    const { followUps } = rendered('x', 'Applications/<img src=x> Co.md');
    const note = renderTaskNote({ ...followUps[0]!, applicationName: '<img src=x> Co' }, SETTINGS).content;
    expect(note).toContain('Application: [\\<img src\\=x\\> Co](Applications/%3Cimg%20src%3Dx%3E%20Co.md)');
  });

  it('plain names stay plain wikilinks, as before', () => {
    const { followUps } = rendered('Orchid Labs', 'Applications/Orchid Labs.md');
    const note = renderTaskNote({ ...followUps[0]!, applicationName: 'Orchid Labs' }, SETTINGS).content;
    expect(note).toContain('Application: [[Applications/Orchid Labs|Orchid Labs]]');
  });

  it('property: any name made of Markdown and HTML fragments stays inert in every place', () => {
    const fragment = fc.constantFrom('<', '>', '[[', ']]', '](', '#', '%%', '$', '`', 'https://', 'www.', '@', '&amp;', '==', '|', '^', 'javascript:', '<img src=x>', ' ', 'a', 'Zoë');
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 12 }).map((a) => `N ${a.join('')}`), (name) => {
        const { callout, followUps } = rendered(name);
        expectInert('the callout', callout.replace(/^> \[!job-hunt-advice\]/, '>'));
        for (const f of followUps) {
          expectInert('a Tasks line', tasksLine(f));
          expectInert('a task note body', bodyOf(renderTaskNote(f, SETTINGS).content));
        }
      }),
      { numRuns: runs(150) },
    );
  });
});
