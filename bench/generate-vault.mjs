// A synthetic vault for the benchmarks: thousands of application notes in the mixed shapes people
// really keep (field names, stage words, date styles, interview objects, contact lists, wikilinks),
// with bodies of a few KB, and a tasks folder. Seeded, so every run and machine gets the same files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Buffer } from 'node:buffer';
import process from 'node:process';

export const BENCH_TODAY = '2026-03-09';
export const TASKS_FOLDER = 'Job hunt tasks';
export const APPLICATIONS_FOLDER = 'Applications';

// mulberry32: tiny, fast, and good enough to make varied notes from one seed.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Emeka', 'Fatima', 'Gustavo', 'Hana', 'Ilya', 'Jamal', 'Keiko', 'Liam', 'Maya', 'Nikhil', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sami', 'Tomás', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zeynep'];
const LAST = ['Silva', 'Ito', 'Okafor', 'Nguyen', 'Schmidt', 'Haddad', 'Kowalski', 'Moreau', 'Patel', 'Rossi', 'Larsen', 'García', 'Kim', 'Novak', 'Brennan', 'Yilmaz', 'Dubois', 'Costa', 'Fischer', 'Tanaka'];
const COMPANY_A = ['Orchid', 'Granite', 'Blue Heron', 'Northwind', 'Copperleaf', 'Lumen', 'Tidewater', 'Juniper', 'Kestrel', 'Atlas', 'Meridian', 'Foxglove', 'Harbor', 'Quartz', 'Saffron', 'Alder'];
const COMPANY_B = ['Labs', 'Systems', 'Health', 'Logistics', 'Analytics', 'Foods', 'Energy', 'Studio', 'Bank', 'Robotics', 'Media', 'Works'];
const ROLES = ['Data Analyst', 'Backend Engineer', 'Product Manager', 'UX Researcher', 'Frontend Developer', 'Operations Lead', 'Marketing Specialist', 'Site Reliability Engineer', 'Account Executive', 'Technical Writer', 'Financial Analyst', 'Customer Success Manager'];
const WORDS = ('the team builds tools for customers across several markets and wants someone who can own ' +
  'projects end to end with care for quality clear writing and steady communication we ship small ' +
  'changes often measure what matters and talk to users every week the role reports to the head of ' +
  'the group and works closely with design research sales and support on a roadmap that changes as ' +
  'we learn remote friendly with a hub in the city benefits include learning budget health cover ' +
  'flexible hours and parental leave the interview has a short screen a take home exercise and a ' +
  'panel with future colleagues salary range shared up front visa support possible for the right ' +
  'person questions to ask about onboarding growth paths how success is measured in the first year').split(' ');

// Each schema is one vault's habit: its field names and its stage vocabulary (interop-formats.md).
const SCHEMAS = [
  {
    name: 'tracker',
    stages: ['Wishlist', 'Applied', 'Screening', 'Interviewing', 'Offer', 'Accepted', 'Rejected', 'Withdrawn', 'Ghosted'],
    stage: 'stage', company: 'company', role: 'role', applied: 'applied', interview: 'interview_date',
    people: 'hiring_manager', recruiter: 'recruiter', followUp: 'follow_up', marker: { tags: ['job-application'] },
  },
  {
    name: 'pipeline',
    stages: ['Reviewing', 'Pursue', 'Applied', 'Recruiter_Screen', 'Recruiter_Conversation', 'Interview', 'Under_Review', 'Offered', 'Accepted', 'No-Go', 'Do_Not_Apply'],
    stage: 'status', company: 'Company', role: 'position', applied: 'date_applied', interview: 'interviews',
    people: 'contacts', followUp: 'followUpDate', marker: { type: 'job-application' },
  },
  {
    name: 'kanban',
    stages: ['not-applied', 'applied', 'interview', 'offer', 'rejected', 'declined'],
    stage: 'App-Stage', company: 'employer', role: 'Job-Title', applied: 'Applied-Date', interview: 'interview',
    people: 'interviewer', followUp: 'Follow-Up-Reminder-Date', marker: { tags: ['job-applications'] },
  },
  {
    name: 'crm',
    stages: ['Bookmarked', 'Applying', 'Applied', 'Interviewing', 'Negotiating', 'Accepted'],
    stage: 'application_status', company: 'company', role: 'title', applied: 'dateApplied', interview: 'interviews',
    people: 'contacts-links', followUp: 'followUpDate', marker: { tags: ['position'] },
  },
  {
    name: 'simple',
    stages: ['Prospective', 'Applied', 'Screening', 'Interviewing', 'Offer', 'Rejected', 'Withdrawn'],
    stage: 'stage', company: 'Company', role: 'title', applied: 'applied_on', interview: 'interviews',
    people: 'interviewers', recruiter: 'recruiter', followUp: 'follow_up', marker: { type: 'job-application' },
  },
];

/** Days before BENCH_TODAY as YYYY-MM-DD, in UTC so the vault is the same in every time zone. */
function dayOffset(days) {
  const t = Date.UTC(2026, 2, 9) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

// YAML scalars: quote anything that could be read as something else.
function yamlString(text) {
  return /^[\w .,'()&–-]+$/u.test(text) && !/^[\d.-]+$/.test(text) && !/^(true|false|null|yes|no|on|off)$/i.test(text)
    ? text
    : JSON.stringify(text);
}

function makeNote(rand, index) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const schema = SCHEMAS[index % SCHEMAS.length];
  const company = `${pick(COMPANY_A)} ${pick(COMPANY_B)}`;
  const role = pick(ROLES);
  const stage = pick(schema.stages);
  const appliedDaysAgo = Math.floor(rand() * 400);
  const lines = ['---'];
  const put = (key, value) => lines.push(`${key}: ${value}`);

  // Dates in the shapes notes really hold: plain, quoted, a date-time, empty, now and then impossible.
  const date = (days) => {
    const d = dayOffset(days);
    const r = rand();
    if (r < 0.7) return d;
    if (r < 0.85) return `"${d}"`;
    if (r < 0.95) return `${d}T09:30:00`;
    if (r < 0.99) return '';
    return '2026-02-30';
  };

  if (schema.marker.type) put('type', schema.marker.type);
  put(schema.stage, yamlString(stage));
  put(schema.company, chance(0.5) ? `"[[${company}]]"` : yamlString(company));
  put(schema.role, yamlString(role));
  if (chance(0.9)) put(schema.applied, date(-appliedDaysAgo));
  if (chance(0.2)) put('location', yamlString(pick(['Remote', 'Lisbon', 'Berlin', 'Toronto', 'Austin', 'Hybrid – London'])));
  if (chance(0.3)) put('salary', `${60 + Math.floor(rand() * 90)}000`);
  if (chance(0.4)) put('url', `https://jobs.example.com/${company.toLowerCase().replace(/\W+/g, '-')}/${1000 + index}`);

  const interviewDays = -appliedDaysAgo + 5 + Math.floor(rand() * 30);
  const interviewers = Array.from({ length: 1 + Math.floor(rand() * 3) }, person);
  if (schema.interview === 'interviews') {
    if (chance(0.6)) {
      lines.push('interviews:');
      const rounds = 1 + Math.floor(rand() * 3);
      for (let r = 0; r < rounds; r += 1) {
        lines.push(`  - roundName: ${pick(['Recruiter screen', 'Hiring manager', 'Technical', 'Panel', 'Final'])}`);
        lines.push(`    roundType: ${pick(['phone', 'video', 'onsite'])}`);
        lines.push(`    date: ${dayOffset(interviewDays + r * 7)}`);
        if (chance(0.6)) lines.push(`    time: "${10 + Math.floor(rand() * 7)}:${chance(0.5) ? '00' : '30'}"`);
        lines.push('    interviewers:');
        for (const who of interviewers.slice(0, 1 + (r % interviewers.length))) lines.push(`      - "[[${who}]]"`);
        lines.push(`    status: ${interviewDays + r * 7 < 0 ? 'done' : 'scheduled'}`);
      }
    }
  } else if (chance(0.6)) {
    put(schema.interview, date(interviewDays));
  }

  const manager = person();
  switch (schema.people) {
    case 'contacts':
      lines.push('contacts:');
      lines.push(`  - name: ${manager}`, '    role: Hiring manager', `    email: ${manager.split(' ')[0]?.toLowerCase()}@example.com`);
      if (chance(0.5)) lines.push(`    linkedin: https://www.linkedin.com/in/${manager.toLowerCase().replace(/\W+/g, '-')}`);
      if (chance(0.5)) lines.push(`  - name: ${person()}`, '    role: Recruiter');
      break;
    case 'contacts-links':
      lines.push('contacts:', `  - "[[${manager}]]"`);
      if (chance(0.5)) lines.push(`  - "[[People/${person()}|${pick(FIRST)}]]"`);
      put('hiring_manager', `"[[${manager}]]"`);
      break;
    case 'interviewer':
      put('hiring_manager', yamlString(manager));
      if (chance(0.6)) put('interviewer', `"[[${interviewers[0]}]]"`);
      break;
    case 'interviewers':
      if (chance(0.7)) put('hiring_manager', `"[[${manager}]]"`);
      if (chance(0.6)) lines.push('interviewers:', ...interviewers.map((who) => `  - "[[${who}]]"`));
      break;
    default:
      put(schema.people, chance(0.5) ? `"[[${manager}]]"` : yamlString(manager));
  }
  if (schema.recruiter && chance(0.5)) put(schema.recruiter, yamlString(person()));
  if (chance(0.25)) put(schema.followUp, date(-appliedDaysAgo + 10));
  if (chance(0.1)) put('connected', 'true');
  if (schema.marker.tags) {
    lines.push('tags:', ...schema.marker.tags.map((t) => `  - ${t}`));
    if (chance(0.3)) lines.push(`  - ${pick(['remote', 'dream-job', 'referral', 'contract'])}`);
  }
  lines.push('---', '');

  lines.push(`# ${role} at ${company}`, '');
  const paragraph = (min, max) => {
    const n = min + Math.floor(rand() * (max - min));
    const out = [];
    for (let i = 0; i < n; i += 1) out.push(pick(WORDS));
    const text = out.join(' ');
    return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}.`;
  };
  const sections = ['Job description', 'Why this company', 'Requirements', 'Notes from the screen', 'Questions to ask', 'Research'];
  const count = 3 + Math.floor(rand() * 4);
  for (let s = 0; s < count; s += 1) {
    lines.push(`## ${sections[s % sections.length]}`, '');
    lines.push(paragraph(40, 110), '');
    if (chance(0.7)) {
      const items = 3 + Math.floor(rand() * 5);
      for (let i = 0; i < items; i += 1) lines.push(`- ${paragraph(6, 18)}`);
      lines.push('');
    }
    if (chance(0.4)) lines.push(`Talked with [[${person()}]] about it; see [the posting](https://jobs.example.com/${index}) and [[${company}]].`, '');
    if (chance(0.3)) lines.push(paragraph(30, 80), '');
  }
  if (chance(0.3)) lines.push('- [ ] Update the résumé for this role', '- [x] Read the company blog', '');

  const name = `${company} – ${role} ${index}`;
  return { file: path.join(APPLICATIONS_FOLDER, String(2024 + (index % 3)), `${name}.md`), text: lines.join('\n'), name };
}

// Task notes as an earlier run of the advisor left them (with its id field) or as the person wrote them.
function makeTask(rand, app, index) {
  const due = dayOffset(-Math.floor(rand() * 60) + 10);
  const title = `Follow up on ${app.name}`;
  const id = rand() < 0.7 ? [`job-hunt-advisor-id: "${Math.floor(rand() * 2 ** 32).toString(16).padStart(8, '0')}${index.toString(16).padStart(8, '0')}"`] : [];
  return {
    file: path.join(TASKS_FOLDER, `${title} ${index}.md`),
    text: ['---', `title: ${JSON.stringify(title)}`, `status: ${rand() < 0.5 ? 'open' : 'done'}`, 'priority: normal', `due: ${due}`,
      'tags:', '  - task', 'projects:', `  - ${JSON.stringify(`[[${app.name}]]`)}`, ...id, '---', '', 'A follow-up to do by hand.', ''].join('\n'),
  };
}

/**
 * Writes the vault into a fresh folder under the system temp folder and returns its path and sizes.
 * `notes` application notes plus `notes / 5` task notes.
 */
export function generateVault({ notes = 10000, seed = 20260309, root } = {}) {
  const rand = prng(seed);
  const dir = root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jha-bench-vault-'));
  // The CLI's own config file marks the vault's root and names the tasks folder it skips.
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '.job-hunt-advisor.json'), `${JSON.stringify({ tasksFolder: TASKS_FOLDER })}\n`);
  const made = new Set();
  let bytes = 0;
  const write = (file, text) => {
    const folder = path.dirname(path.join(dir, file));
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    fs.writeFileSync(path.join(dir, file), text);
    bytes += Buffer.byteLength(text);
  };
  const apps = [];
  for (let i = 0; i < notes; i += 1) {
    const note = makeNote(rand, i);
    write(note.file, note.text);
    apps.push(note);
  }
  const tasks = Math.floor(notes / 5);
  for (let i = 0; i < tasks; i += 1) {
    const t = makeTask(rand, apps[Math.floor(rand() * apps.length)], i);
    write(t.file, t.text);
  }
  return { dir, notes, tasks, bytes, sample: path.join(dir, apps[7]?.file ?? apps[0].file) };
}

// `node bench/generate-vault.mjs [count] [folder]`: make a vault to try things by hand.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const count = Number(process.argv[2] ?? 10000);
  const root = process.argv[3] ? path.resolve(process.argv[3]) : undefined;
  const started = performance.now();
  const vault = generateVault({ notes: count, root });
  process.stdout.write(`${vault.notes} application notes and ${vault.tasks} task notes (${(vault.bytes / 1e6).toFixed(1)} MB) in ${vault.dir} (${Math.round(performance.now() - started)} ms)\n`);
}
