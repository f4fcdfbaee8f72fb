// Hand-built advice reports and follow-ups, so rendering tests do not depend on the advice engine.
import { expertById } from '../../src/core/experts';
import type { Advice, AdviceReport, Application, Backer, FollowUp } from '../../src/core/model';
import { anApplication } from './builders';

export function aReport(app: Application = anApplication().hiringManager('Jane Doe').applied('2026-03-07').build(), extra: Partial<AdviceReport> = {}): AdviceReport {
  return {
    application: app,
    today: '2026-03-09',
    moment: 'just-applied',
    situation: 'just-applied',
    facts: {
      daysSinceApplied: 2,
      pastRounds: [],
      undatedInterview: false,
      ...(app.hiringManager ? { contact: { person: app.hiringManager, as: 'hiring-manager' as const } } : {}),
    },
    verdict: {
      connectNow: true,
      alreadyConnected: false,
      firmness: 'firm',
      basis: 'direct',
      for: [
        { expert: expertById('ryan-nouis'), stance: 'connect', firmness: 'firm', reach: 'direct', because: 'It shows you did your research.' },
        { expert: expertById('megan-chiamos'), stance: 'connect', firmness: 'hedged', reach: 'direct', because: 'They will look out for your name.' },
      ],
      against: [],
      general: [{ expert: expertById('craig-rosen'), stance: 'wait', firmness: 'hedged', reach: 'general', because: 'He would wait for an offer.' }],
    },
    advice: [anAdvice()],
    ...extra,
  };
}

export function anAdvice(extra: Partial<Advice> = {}): Advice {
  const backers: Backer[] = [
    { expert: expertById('megan-chiamos'), reach: 'direct', firmness: 'hedged', note: 'A preview of your application.' },
    { expert: expertById('zack-mccarty'), reach: 'direct', firmness: 'firm', note: 'Say why the company.' },
  ];
  return {
    id: 'hand-built-tip',
    title: 'Introduce yourself',
    detail: 'Say who you are and why this company, in a couple of lines.',
    stance: 'connect',
    backers,
    experts: backers.map((b) => b.expert),
    ...extra,
  };
}

/** A follow-up whose note's own day is its due day (not passed), unless `extra` says otherwise. */
export function aFollowUp(extra: Partial<FollowUp> = {}): FollowUp {
  return {
    id: 'fu-connection',
    kind: 'connection-request',
    title: 'Send a LinkedIn connection request to Jane Doe',
    due: '2026-03-10',
    dueByNote: extra.due ?? '2026-03-10',
    priority: 'high',
    reason: 'You applied 2 days ago.',
    experts: [expertById('ryan-nouis')],
    context: '@linkedin',
    applicationPath: 'Applications/Orchid Labs - Analyst.md',
    applicationName: 'Orchid Labs - Analyst',
    ...extra,
  };
}
