// Readable test data: an Application built field by field, without going through the reader,
// so engine tests do not depend on how frontmatter is parsed.
import type { Application, CalendarDate, Interview, Person, Stage } from '../../src/core/model';

export function person(name: string, extra: Partial<Person> = {}): Person {
  return { name, ...extra };
}

export function interview(date: CalendarDate, interviewers: Person[] = [], extra: Partial<Interview> = {}): Interview {
  return { date, interviewers, ...extra };
}

export class ApplicationBuilder {
  private app: Application = {
    path: 'Applications/Orchid Labs - Analyst.md',
    noteName: 'Orchid Labs - Analyst',
    company: 'Orchid Labs',
    role: 'Analyst',
    stage: 'applied',
    stageLabel: 'Applied',
    interviews: [],
    interviewers: [],
    connected: false,
    warnings: [],
  };

  at(path: string): this {
    this.app.path = path;
    this.app.noteName = path.replace(/^.*\//, '').replace(/\.md$/i, '');
    return this;
  }
  company(company: string | undefined): this { this.app.company = company; return this; }
  role(role: string | undefined): this { this.app.role = role; return this; }
  stage(stage: Stage, label?: string): this {
    this.app.stage = stage;
    this.app.stageLabel = label ?? stage[0]!.toUpperCase() + stage.slice(1);
    return this;
  }
  applied(date: CalendarDate | undefined): this { this.app.applied = date; return this; }
  decision(date: CalendarDate | undefined): this { this.app.decision = date; return this; }
  followUp(date: CalendarDate | undefined): this { this.app.followUp = date; return this; }
  hiringManager(name: string, extra: Partial<Person> = {}): this {
    this.app.hiringManager = person(name, { role: 'Hiring manager', ...extra });
    return this;
  }
  recruiter(name: string, extra: Partial<Person> = {}): this {
    this.app.recruiter = person(name, { role: 'Recruiter', ...extra });
    return this;
  }
  interview(date: CalendarDate, ...interviewerNames: string[]): this {
    const people = interviewerNames.map((n) => person(n));
    this.app.interviews = [...this.app.interviews, interview(date, people)].sort((a, b) => a.date.localeCompare(b.date));
    for (const p of people) {
      if (!this.app.interviewers.some((q) => q.name === p.name)) this.app.interviewers.push(p);
    }
    return this;
  }
  connected(value = true): this { this.app.connected = value; return this; }
  build(): Application {
    return structuredClone(this.app);
  }
}

export const anApplication = (): ApplicationBuilder => new ApplicationBuilder();
