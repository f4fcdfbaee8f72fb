import { describe, expect, it } from 'vitest';
import { parseWikilink, readPeople } from '../../src/core/people';

describe('parseWikilink', () => {
  it.each([
    ['[[Jane Doe]]', { target: 'Jane Doe', display: 'Jane Doe' }],
    ['[[People/Jane Doe|Jane]]', { target: 'People/Jane Doe', display: 'Jane' }],
    ['[[People/Jane Doe]]', { target: 'People/Jane Doe', display: 'Jane Doe' }],
    ['[[People/Jane Doe.md#Notes|]]', { target: 'People/Jane Doe.md', display: 'Jane Doe' }],
    ['  ![[Jane Doe]] ', { target: 'Jane Doe', display: 'Jane Doe' }],
  ])('%s', (text, expected) => {
    expect(parseWikilink(text)).toEqual(expected);
  });

  it.each(['Jane Doe', '[[]]', '[[Jane', 'see [[Jane Doe]] there', '[Jane](https://x)'])('%s is not a single link', (text) => {
    expect(parseWikilink(text)).toBeUndefined();
  });
});

describe('readPeople', () => {
  it('a plain name, trimmed', () => {
    expect(readPeople('  Jane Doe ')).toEqual([{ name: 'Jane Doe' }]);
  });

  it('a wikilink names the person by the note it points to, and keeps the link', () => {
    expect(readPeople('[[People/Jane Doe|Jane]]')).toEqual([{ name: 'Jane Doe', link: 'People/Jane Doe' }]);
  });

  it('lists, comma-separated names and side-by-side links', () => {
    expect(readPeople(['Ana Silva', '[[Ben Ito]]', '', null, 'Cleo Park, Dan Roe']).map((p) => p.name)).toEqual([
      'Ana Silva', 'Ben Ito', 'Cleo Park', 'Dan Roe',
    ]);
    expect(readPeople('[[Ana Silva]] [[Ben Ito]]').map((p) => p.name)).toEqual(['Ana Silva', 'Ben Ito']);
    expect(readPeople('[[People/Silva, Ana|Ana]]')).toEqual([{ name: 'Silva, Ana', link: 'People/Silva, Ana' }]);
  });

  it('"Jane Doe (Hiring manager)" gives the role too', () => {
    expect(readPeople('Jane Doe (Hiring manager), [[Ben Ito]] (Recruiter)')).toEqual([
      { name: 'Jane Doe', role: 'Hiring manager' },
      { name: 'Ben Ito', link: 'Ben Ito', role: 'Recruiter' },
    ]);
  });

  it('contact objects, with keys in any spelling style', () => {
    expect(
      readPeople([
        { name: 'Jane Doe', role: 'Hiring Manager', email: 'jane@acme.example', linkedin: 'https://linkedin.com/in/jane' },
        { Name: '[[Ben Ito]]', Role: 'Recruiter', LinkedIn_URL: 'https://linkedin.com/in/ben' },
        { role: 'Interviewer' },
        { name: '   ' },
      ]),
    ).toEqual([
      { name: 'Jane Doe', role: 'Hiring Manager', email: 'jane@acme.example', linkedin: 'https://linkedin.com/in/jane' },
      { name: 'Ben Ito', link: 'Ben Ito', role: 'Recruiter', linkedin: 'https://linkedin.com/in/ben' },
    ]);
  });

  it('a Markdown link to a LinkedIn profile keeps the profile', () => {
    expect(readPeople('[Jane Doe](https://www.linkedin.com/in/jane-doe)')).toEqual([
      { name: 'Jane Doe', linkedin: 'https://www.linkedin.com/in/jane-doe' },
    ]);
  });

  it('unquoted [[links]] that YAML turned into lists inside lists', () => {
    expect(readPeople([['People/Jane Doe']])).toEqual([{ name: 'Jane Doe', link: 'People/Jane Doe' }]);
    expect(readPeople([[['Ana Silva']], 'Ben Ito'])).toEqual([{ name: 'Ana Silva', link: 'Ana Silva' }, { name: 'Ben Ito' }]);
  });

  it.each([null, undefined, '', [], 42, true, {}, [[]]])('%j names nobody', (value) => {
    expect(readPeople(value)).toEqual([]);
  });

  it('a huge list is capped', () => {
    expect(readPeople(Array.from({ length: 100_000 }, (_, i) => `Person ${i}`)).length).toBe(200);
  });
});
