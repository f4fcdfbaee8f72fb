// Bundled by run.mjs with esbuild (it imports the TypeScript core directly), then run on its own:
// node core-bench.js <frontmatter.json> <today> <rounds>
// Times the core's whole job for one application: read the parsed frontmatter, advise, plan the
// follow-ups. One call per note of the synthetic vault, timed call by call after a warm-up pass;
// beside it, in the same rounds, a hand-written loop that reaches the same follow-ups (below).
import { Buffer } from 'node:buffer';
import * as fs from 'node:fs';
import process from 'node:process';
import { compileKnowledge } from '../src/core/advice';
import { FIELD_ALIASES } from '../src/core/fields';
import { BUILT_IN_KNOWLEDGE } from '../src/core/knowledge';
import { STAGES } from '../src/core/model';
import { adviseOn } from '../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { STAGE_ALIASES } from '../src/core/stages';

const [file = '', today = '2026-03-09', roundsText = '5'] = process.argv.slice(2);
/** @type {{ path: string; frontmatter: unknown; task: boolean }[]} */
const notes = JSON.parse(fs.readFileSync(file, 'utf8')).filter((n) => !n.task);

let followUps = 0;
let applications = 0;
function once(note) {
  const advised = adviseOn({ path: note.path, frontmatter: note.frontmatter }, today, DEFAULT_SETTINGS);
  if (advised.kind !== 'advice') return;
  applications += 1;
  followUps += advised.followUps.length;
}

// ---- The hand-written loop ---------------------------------------------------------------------
// The same job written out plainly for the shapes this vault holds, as a careful programmer would
// write it for one tool: each field found in one pass over the note's keys, dates as day numbers,
// ids hashed from the same text, due dates by the same rules. Its only inputs from the project are
// data (field names, stage words, and which follow-ups each situation's advice plans, read once at
// start). It writes each follow-up's title, which every host prints (the CLI's plain scan prints
// only titles), but no reasons or drafts: it decides the follow-ups, their ids, titles and dates,
// which the run checks equal to the core's for every note.
const aliasByForm = new Map();
for (const [meaning, names] of Object.entries(FIELD_ALIASES)) {
  names.forEach((name, rank) => {
    const form = name.toLowerCase().replace(/[-_\s]+/g, '');
    if (!aliasByForm.has(form)) aliasByForm.set(form, { meaning, rank });
  });
}
const stageByWord = new Map();
for (const stage of STAGES) {
  stageByWord.set(stage.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''), stage);
  for (const word of STAGE_ALIASES[stage]) stageByWord.set(word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''), stage);
}
// Per situation: does the verdict say connect now, and which kinds the advice plans (connected or not).
const plansAt = {};
{
  const compiled = compileKnowledge(BUILT_IN_KNOWLEDGE);
  for (const [situation, at] of Object.entries(compiled.at)) {
    const kinds = (advice) => new Set(advice.flatMap((a) => BUILT_IN_KNOWLEDGE.tips[a.id]?.plans ?? []));
    plansAt[situation] = { connectNow: at.verdict.connectNow, kinds: kinds(at.advice), kindsConnected: kinds(at.adviceConnected) };
  }
}
const KIND_RANK = { 'connection-request': 0, 'intro-call': 1, 'research-interviewers': 2, 'view-profile': 3, 'thank-you-letter': 4, 'ask-feedback': 5, 'connect-after-hire': 6, 'check-in': 7 };

function dayOf(text) {
  const y = +text.slice(0, 4);
  const m = +text.slice(5, 7);
  const d = +text.slice(8, 10);
  const yy = y - (m <= 2 ? 1 : 0);
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}
function dateOfDay(n) {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** A day number, or undefined: `YYYY-MM-DD`, maybe followed by a time. */
function day(value) {
  if (Array.isArray(value) && value.length === 1) value = value[0];
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})/.exec(text);
  if (!m) return undefined;
  const y = +m[1], mo = +m[2], d = +m[3];
  const leap = mo === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > MONTH_DAYS[mo - 1] + (leap ? 1 : 0)) return undefined;
  return dayOf(text);
}
/** A text field: one line of text, a number as written, a wikilink's alias or note name. */
function plain(value) {
  if (Array.isArray(value) && value.length === 1) value = Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : value[0];
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '';
  const t = value.replace(/\s+/g, ' ').trim();
  const link = /^\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]$/.exec(t);
  if (!link) return t;
  return link[2]?.trim() || link[1].trim().split('/').pop().replace(/\.md$/i, '').trim();
}
function nameOf(text) {
  const t = text.trim();
  const link = /^\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]$/.exec(t);
  if (!link) return t;
  return link[1].trim().split('/').pop().replace(/\.md$/i, '').trim();
}
/** People of a field: names as strings or wikilinks, lists of them, or contact objects with a role. */
function people(value, into = []) {
  if (typeof value === 'string') {
    if (value.trim() !== '') into.push({ name: nameOf(value) });
  } else if (Array.isArray(value)) {
    for (const item of value) people(item, into);
  } else if (value && typeof value === 'object' && typeof value.name === 'string') {
    into.push({ name: nameOf(value.name), role: value.role });
  }
  return into;
}
const key = (name) => name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
function addPeople(list, more) {
  for (const p of more) if (!list.some((q) => key(q.name) === key(p.name))) list.push(p);
  return list;
}
const RECRUITER = /\b(recruit\w*|talent|sourc(?:er|ing)|hr|human\s+resources|people\s+(?:team|partner|ops))\b/i;
const isRecruiter = (p) => p.role !== undefined && RECRUITER.test(p.role) && !/\bhiring\s*manager\b/i.test(p.role);

function hash(text) {
  const bytes = Buffer.from(text, 'utf8');
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    const low = lo * 0x1b3;
    hi = (hi * 0x1b3 + (lo << 8) + Math.floor(low / 0x100000000)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

function handWritten(note, today) {
  const fm = note.frontmatter;
  if (!fm || typeof fm !== 'object' || Array.isArray(fm) || typeof fm['job-hunt-advisor-id'] === 'string') return undefined;
  const f = {};
  for (const k in fm) {
    const a = aliasByForm.get(k.toLowerCase().replace(/[-_\s]+/g, ''));
    if (!a) continue;
    const v = fm[k];
    const blank = v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
    const seen = f[a.meaning];
    if (!seen || (blank !== seen.blank ? !blank : a.rank !== seen.rank ? a.rank < seen.rank : k < seen.k)) f[a.meaning] = { k, v, blank, rank: a.rank };
  }
  const stage = typeof f.stage?.v === 'string' ? stageByWord.get(f.stage.v.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')) : undefined;
  if (!stage) return undefined;
  const now = dayOf(today);
  const applied = day(f.applied?.v);
  const decision = day(f.decision?.v);
  const followUp = day(f.followUp?.v);
  const contacts = people(f.contacts?.v);
  const listed = people(f.interviewers?.v);
  // Rounds: dates, or objects with a date and their interviewers.
  const rounds = [];
  const raw = f.interview?.v;
  for (const item of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const d = day(item.date);
      if (d !== undefined) rounds.push({ day: d, time: item.time ?? '', interviewers: addPeople([], people(item.interviewers)) });
    } else {
      const d = day(item);
      if (d !== undefined) rounds.push({ day: d, time: typeof item === 'string' ? (/[T ](\d{2}:\d{2})/.exec(item)?.[1] ?? '') : '', interviewers: [] });
    }
  }
  if (rounds.length === 1 && rounds[0].interviewers.length === 0) rounds[0].interviewers = listed;
  rounds.sort((a, b) => a.day - b.day || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const interviewers = [];
  for (const r of rounds) addPeople(interviewers, r.interviewers);
  addPeople(interviewers, listed);
  addPeople(interviewers, contacts.filter((p) => /interview/i.test(p.role ?? '')));
  const hm = people(f.hiringManager?.v)[0] ?? contacts.find((p) => p.role !== undefined && /\bhiring\s*manager\b/i.test(p.role));
  const recruiter = people(f.recruiter?.v)[0] ?? contacts.find(isRecruiter) ?? interviewers.find(isRecruiter);
  const contact = hm ?? recruiter ?? interviewers.find(isRecruiter);
  const company = plain(f.company?.v);
  const role = plain(f.role?.v);
  const cv = Array.isArray(f.connected?.v) && f.connected.v.length === 1 ? f.connected.v[0] : f.connected?.v;
  const connected = cv === true || (typeof cv === 'string' && /^(true|yes|y|connected|done|x|1|\d{4}-\d{2}-\d{2}.*)$/.test(cv.trim().toLowerCase())) || (typeof cv === 'number' && cv !== 0);

  // The moment.
  const next = rounds.find((r) => r.day >= now);
  let last;
  for (const r of rounds) if (r.day < now) last = r;
  let moment;
  if (stage === 'accepted') moment = 'hired';
  else if (stage === 'wishlist') moment = 'not-applied';
  else if (stage === 'offer' || stage === 'rejected' || stage === 'withdrawn' || stage === 'ghosted') moment = stage;
  else if (next) moment = 'interview-ahead';
  else if (last) moment = now - last.day <= 14 ? 'just-interviewed' : 'waiting';
  else if (stage === 'interviewing') moment = 'interview-ahead';
  else if (applied === undefined) moment = 'waiting';
  else moment = now - applied < 0 ? 'not-applied' : now - applied <= 7 ? 'just-applied' : 'waiting';
  const situation = moment === 'waiting' && last ? 'waiting-after-interview' : moment;
  const at = plansAt[situation];
  const kinds = connected ? at.kindsConnected : at.kinds;

  // The follow-ups: kind, subject of the id, due day.
  const out = [];
  // The path keeps its case (Acme.md and ACME.md are two applications); the subject does not.
  const path = note.path.replace(/\\/g, '/').normalize('NFC').replace(/\s+/g, ' ').trim().replace(/\/+/g, '/').replace(/^(\.\/)+/, '').replace(/^\//, '');
  // And the id the same follow-up had before ids kept the path's case, when that differs.
  const folded = path.toLowerCase();
  const add = (kind, subject, due, title) => {
    const tail = `\n${kind}\n${key(subject)}`;
    out.push({ id: hash(path + tail), legacyId: folded === path ? undefined : hash(folded + tail), kind, due: dateOfDay(Math.max(due, now)), title });
  };
  // The titles' pieces.
  const roleAt = role && company ? `the ${role} role at ${company}` : role ? `the ${role} role` : company ? `a role at ${company}` : 'a role on your team';
  const describe = (p, as) => `${p.name} (${company ? `${as}, ${company}` : as})`;
  const join = (names) => (names.length <= 1 ? names[0] ?? '' : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);
  const recruiterContact = !hm && contact !== undefined;
  if (!connected && at.connectNow && situation !== 'hired' && situation !== 'rejected') {
    const title = !contact
      ? `Find out who the hiring manager is for ${roleAt}`
      : recruiterContact
        ? `Connect with ${describe(contact, 'recruiter')} on LinkedIn and ask who the hiring manager is`
        : `Connect with ${describe(contact, 'hiring manager')} on LinkedIn`;
    add('connection-request', contact?.name ?? '(hiring manager unknown)', situation === 'just-applied' && applied !== undefined ? applied + 1 : now, title);
  }
  if (kinds.has('intro-call') && connected && contact) add('intro-call', contact.name, now, `Ask ${contact.name} for a 15-minute call about ${roleAt}`);
  // Rounds on one day are one round.
  const byDay = [];
  for (const r of rounds) {
    const same = byDay[byDay.length - 1];
    if (same && same.day === r.day) addPeople(same.interviewers, r.interviewers);
    else byDay.push({ day: r.day, interviewers: [...r.interviewers] });
  }
  if (kinds.has('research-interviewers')) {
    for (const r of byDay) {
      if (r.day < now) continue;
      const date = dateOfDay(r.day);
      const names = join(r.interviewers.map((p) => p.name));
      add('research-interviewers', date, r.day - 1, names ? `Look up ${names} on LinkedIn before your interview on ${date}` : `Find out who will interview you on ${date} and look up their LinkedIn profiles`);
    }
    if (moment === 'interview-ahead' && !next) {
      add('research-interviewers', 'undated', now, contact ? `Ask ${contact.name} when your interview is and whom you will meet, then look them up` : 'Find out when your interview is and whom you will meet, then look them up');
    }
  }
  if (kinds.has('view-profile') && hm) {
    const view = (phase, date) => `View ${hm.name}'s LinkedIn profile ${phase} your interview on ${date} (without connecting)`;
    if (situation === 'interview-ahead' && next && !next.interviewers.some((i) => key(i.name) === key(hm.name))) add('view-profile', `${hm.name}|before|${dateOfDay(next.day)}`, next.day - 1, view('before', dateOfDay(next.day)));
    if (situation === 'just-interviewed' && last) add('view-profile', `${hm.name}|after|${dateOfDay(last.day)}`, last.day + 1, view('after', dateOfDay(last.day)));
  }
  if (kinds.has('thank-you-letter')) {
    for (const r of byDay) {
      const date = dateOfDay(r.day);
      if (r.interviewers.length === 0) add('thank-you-letter', date, r.day + 1, `Send a thank-you letter to each person who interviewed you on ${date}`);
      for (const p of r.interviewers) add('thank-you-letter', `${date}|${p.name}`, r.day + 1, `Send a thank-you letter to ${p.name}`);
    }
  }
  const deciderNames = (contact ? [contact] : interviewers).map((p) => p.name);
  const deciders = deciderNames.join('|');
  if (kinds.has('ask-feedback')) {
    const who = join(deciderNames) || `the hiring team at ${company || 'the company'}`;
    add('ask-feedback', deciders, decision !== undefined ? decision + 1 : now, connected || !at.connectNow ? `Ask ${who} for feedback` : `Ask ${who} for feedback and connect on LinkedIn`);
  }
  if (kinds.has('connect-after-hire') && !connected) {
    const title = hm
      ? `Connect with ${describe(hm, 'hiring manager')} on LinkedIn now that you're hired`
      : deciderNames.length > 0
        ? `Connect with ${join(deciderNames)} on LinkedIn now that you're hired`
        : `Connect on LinkedIn with the people who hired you at ${company || 'your new company'}`;
    add('connect-after-hire', deciders, decision ?? now, title);
  }
  if (situation === 'just-applied' || situation === 'waiting' || situation === 'just-interviewed' || situation === 'waiting-after-interview' || situation === 'ghosted') {
    const base = followUp ?? (last ? last.day + 7 : applied !== undefined && applied <= now ? applied + 14 : undefined);
    const to = recruiterContact ? contact : (recruiter ?? contact);
    if (base !== undefined) add('check-in', dateOfDay(base), base, to ? `Check in with ${to.name} about your application for ${roleAt}` : `Check in about your application for ${roleAt}`);
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
}

// The hand-written loop must reach the core's answer on every note, or its speed means nothing:
// the same follow-ups (id, the id before ids kept the path's case, kind, due date, title) for each
// application, and no others.
let differ = 0;
let firstDiffer = '';
for (const note of notes) {
  const advised = adviseOn({ path: note.path, frontmatter: note.frontmatter }, today, DEFAULT_SETTINGS);
  const core = advised.kind === 'advice' ? advised.followUps.map((f) => `${f.id} ${f.legacyId} ${f.kind} ${f.due} ${f.title}`).sort().join(', ') : 'none';
  const hand = handWritten(note, today);
  const mine = hand ? hand.map((f) => `${f.id} ${f.legacyId} ${f.kind} ${f.due} ${f.title}`).sort().join(', ') : 'none';
  if (core !== mine) {
    differ += 1;
    firstDiffer ||= `${note.path}: core ${core}; hand-written ${mine}`;
  }
}

let handFollowUps = 0;
function handOnce(note) {
  const planned = handWritten(note, today);
  if (planned) handFollowUps += planned.length;
}

/** One timed round of `fn` over every note: the median, 99th percentile and mean per call, and CPU per call. */
const samples = new Float64Array(notes.length);
function timedRound(fn) {
  const cpu = process.cpuUsage();
  for (let i = 0; i < notes.length; i += 1) {
    const started = process.hrtime.bigint();
    fn(notes[i]);
    samples[i] = Number(process.hrtime.bigint() - started) / 1000;
  }
  const { user, system } = process.cpuUsage(cpu);
  const sorted = Array.from(samples).sort((a, b) => a - b);
  return {
    medianMicros: sorted[Math.floor(sorted.length / 2)] ?? 0,
    p99Micros: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
    meanMicros: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
    // CPU time, unlike wall time, does not count the moments other processes had the core.
    cpuMicros: (user + system) / notes.length,
  };
}

for (const note of notes) once(note); // warm-up: let the JIT see every shape of note first
for (const note of notes) handOnce(note);
const perRound = [];
const handPerRound = [];
for (let round = 0; round < Number(roundsText); round += 1) {
  // The core and the loop alternate round by round, so both see the same moments of a shared machine.
  applications = 0;
  followUps = 0;
  perRound.push(timedRound(once));
  handFollowUps = 0;
  handPerRound.push(timedRound(handOnce));
}
process.stdout.write(`${JSON.stringify({ notes: notes.length, applications, followUps, perRound, hand: { followUps: handFollowUps, differ, firstDiffer, perRound: handPerRound } })}\n`);
