// People named in a note: plain names, wikilinks, lists, or contact objects with a role.
import { fieldIndex, isRecord, type FieldIndex } from './fields';
import type { Person } from './model';
import { oneLine } from './text';

/** More entries than any hiring process has: the rest of a huge list is ignored. */
const MAX_PEOPLE = 200;

/** The parts of `[[target#heading|display]]`; display is the alias, else the target's note name. */
export function parseWikilink(text: string): { target: string; display: string } | undefined {
  const m = /^\s*!?\[\[([^\][|]*?)(?:#[^\][|]*)?(?:\|([^\][]*))?\]\]\s*$/.exec(text);
  if (!m) return undefined;
  const target = (m[1] ?? '').trim();
  const display = m[2]?.trim() || noteName(target);
  if (target === '' && display === '') return undefined;
  return { target, display };
}

/** "People/Jane Doe.md" -> "Jane Doe". */
function noteName(target: string): string {
  // Read for every wikilink of every note: the last segment cut out, no list of segments made.
  const name = target.slice(target.lastIndexOf('/') + 1);
  return (MD_END.test(name) ? name.slice(0, -3) : name).trim();
}

const MD_END = /\.md$/i;

/**
 * Everyone a field names. A wikilink names the person by the note it points to
 * (`[[People/Jane Doe|Jane]]` is "Jane Doe", linked to "People/Jane Doe"); "Jane Doe (Hiring
 * manager)" gives the role too; empty entries are skipped.
 */
export function readPeople(value: unknown): Person[] {
  const people: Person[] = [];
  collect(value, people, 0);
  return people;
}

function collect(value: unknown, into: Person[], depth: number): void {
  if (into.length >= MAX_PEOPLE || depth > 4) return;
  if (typeof value === 'string') {
    for (const part of splitNames(value)) {
      const person = personFromText(part);
      if (person && into.length < MAX_PEOPLE) into.push(person);
    }
  } else if (Array.isArray(value)) {
    // An unquoted `[[Jane Doe]]` in YAML is a list inside a list: ["Jane Doe"] means a link.
    if (depth > 0 && value.length === 1 && typeof value[0] === 'string') {
      const link = value[0].trim();
      if (link !== '') into.push({ name: noteName(link) || link, link });
      return;
    }
    for (const item of value.slice(0, MAX_PEOPLE)) collect(item, into, depth + 1);
  } else if (isRecord(value)) {
    const person = personFromContact(value);
    if (person) into.push(person);
  }
}

/** "Ana Silva, [[Ben Ito]]; Cleo" -> three names; commas inside links or parentheses stay. */
function splitNames(text: string): string[] {
  // One name, the usual case: no separator to split at, at most one link.
  if (!/[,;\n]/.test(text) && text.indexOf('[[') === text.lastIndexOf('[[')) return [text];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '(') depth++;
    else if ((c === ']' || c === ')') && depth > 0) depth--;
    else if ((c === ',' || c === ';' || c === '\n') && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  // Two links side by side ("[[Ana]] [[Ben]]") are two people.
  return parts.flatMap((p) => (/^\s*(\[\[[^\]]*\]\]\s*){2,}$/.test(p) ? p.match(/\[\[[^\]]*\]\]/g) ?? [] : [p]));
}

const MARKDOWN_LINK = /^\[([^\]]+)\]\((\S+)\)$/;

function personFromText(raw: string): Person | undefined {
  let text = raw.trim();
  if (text === '') return undefined;
  let role: string | undefined;
  // "Jane Doe (Hiring manager)"; but "[Jane](https://...)" is a Markdown link, not a role.
  const withRole = MARKDOWN_LINK.test(text) ? null : /^(.*?)\s*\(([^()]+)\)$/.exec(text);
  if (withRole && (withRole[1] ?? '').trim() !== '') {
    text = (withRole[1] ?? '').trim();
    role = (withRole[2] ?? '').trim();
  }
  const person = nameAndLink(text);
  if (!person) return undefined;
  return role ? { ...person, role } : person;
}

/** A name as written: a wikilink, a Markdown link to a profile, or plain text. */
function nameAndLink(text: string): Person | undefined {
  const link = parseWikilink(text);
  if (link) return link.target ? { name: noteName(link.target) || link.display, link: link.target } : { name: link.display };
  const md = MARKDOWN_LINK.exec(text);
  if (md) {
    const name = (md[1] ?? '').trim();
    const url = md[2] ?? '';
    return /linkedin\.com\//i.test(url) ? { name, linkedin: url } : { name };
  }
  return text === '' ? undefined : { name: text };
}

const CONTACT_KEYS = {
  name: ['name', 'fullname', 'person', 'who'],
  role: ['role', 'title', 'position', 'relation'],
  email: ['email', 'mail', 'emailaddress'],
  linkedin: ['linkedin', 'linkedinurl', 'linkedinprofile', 'profile'],
};

/** A contact object: `{name, role, email, linkedin}`, keys in any case or spelling style. */
function personFromContact(record: Record<string, unknown>): Person | undefined {
  const contact = fieldIndex(record);
  const nameValue = pickText(contact, CONTACT_KEYS.name);
  if (!nameValue) return undefined;
  const base = personFromText(nameValue);
  if (!base) return undefined;
  const person: Person = { ...base };
  const role = pickText(contact, CONTACT_KEYS.role);
  if (role) person.role = role;
  const email = pickText(contact, CONTACT_KEYS.email);
  if (email) person.email = email;
  const linkedin = pickText(contact, CONTACT_KEYS.linkedin);
  if (linkedin) person.linkedin = linkedin;
  return person;
}

/** The first filled text among `names` (normalized keys), in the order of `names`, whatever the key order. */
export function pickText(index: FieldIndex, names: string[]): string | undefined {
  const found = pick(index, names);
  if (typeof found === 'string') return found.trim() || undefined;
  if (typeof found === 'number' && Number.isFinite(found)) return String(found);
  if (Array.isArray(found) && found.length === 1 && typeof found[0] === 'string') return found[0].trim() || undefined;
  return undefined;
}

/** The value under the first of `names` present (keys normalized), whatever the key order. */
export function pick(index: FieldIndex, names: string[]): unknown {
  let best: { rank: number; key: string; value: unknown } | undefined;
  for (const { key, form, value } of index) {
    const rank = names.indexOf(form);
    if (rank < 0 || value === null || value === undefined || value === '') continue;
    if (!best || rank < best.rank || (rank === best.rank && key < best.key)) best = { rank, key, value };
  }
  return best?.value;
}

// The words a role is written with when the person recruits rather than hires: "Recruiter",
// "Talent Acquisition Partner", "Talent partner", "Sourcer", "HR", "Human Resources", "People team".
const RECRUITER_ROLE = /\b(recruit\w*|talent|sourc(?:er|ing)|hr|human\s+resources|people\s+(?:team|partner|ops))\b/i;
const HIRING_MANAGER_ROLE = /\bhiring\s*manager\b/i;

/** True when a role names someone who recruits (recruiter, talent acquisition, talent partner, sourcer, HR). */
export function isRecruiterRole(role: string | undefined): boolean {
  return role !== undefined && RECRUITER_ROLE.test(role) && !HIRING_MANAGER_ROLE.test(role);
}

/** True when a role says hiring manager. */
export function isHiringManagerRole(role: string | undefined): boolean {
  return role !== undefined && HIRING_MANAGER_ROLE.test(role);
}

/** The same person written twice: names compared without case or extra spaces. */
export function personKey(person: Person): string {
  return oneLine(person.name).toLowerCase();
}

/** People without repeats; a repeat fills in what the first mention lacked (link, role, email, profile). */
export function mergePeople(...lists: Person[][]): Person[] {
  const byKey = new Map<string, Person>();
  for (const list of lists) {
    for (const person of list) {
      const key = personKey(person);
      const seen = byKey.get(key);
      byKey.set(key, seen ? { ...person, ...seen } : { ...person });
    }
  }
  return [...byKey.values()];
}

/** `person` with what the same person's other mentions add (link, role, email, profile): the first of mergePeople([person], others). */
export function withMentions(person: Person, others: readonly Person[]): Person {
  const key = personKey(person);
  let merged: Person = { ...person };
  for (const other of others) if (personKey(other) === key) merged = { ...other, ...merged };
  return merged;
}
