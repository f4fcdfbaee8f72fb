// Hand-built advice reports and follow-ups, so rendering tests do not depend on the advice engine.
import { expertById } from '../../src/core/experts';
import type { Advice, AdviceReport, Application, FollowUp } from '../../src/core/model';
import { anApplication } from './builders';

export function aReport(app: Application = anApplication().hiringManager('Jane Doe').applied('2026-03-07').build(), extra: Partial<AdviceReport> = {}): AdviceReport {
  return {
    application: app,
    today: '2026-03-09',
    moment: 'just-applied',
    momentSummary: `You applied 2 days ago to ${app.company ?? 'this company'} and have no interview yet.`,
    verdict: {
      connectNow: true,
      headline: 'Yes: connect now, with a short note.',
      reason: 'Right after applying is when most of the experts say a request helps.',
      for: [
        { expert: expertById('ryan-nouis'), because: 'It shows you did your research.', specific: true },
        { expert: expertById('megan-chiamos'), because: 'They will look out for your name.', specific: true },
      ],
      against: [{ expert: expertById('craig-rosen'), because: 'He would wait for an offer.', specific: false }],
      alreadyConnected: false,
    },
    advice: [anAdvice()],
    ...extra,
  };
}

export function anAdvice(extra: Partial<Advice> = {}): Advice {
  return {
    id: 'introduce-yourself',
    title: 'Introduce yourself',
    detail: 'Say who you are and why this company, in a couple of lines.',
    experts: [expertById('megan-chiamos'), expertById('zack-mccarty')],
    reason: 'You applied 2 days ago.',
    stance: 'connect',
    ...extra,
  };
}

export function aFollowUp(extra: Partial<FollowUp> = {}): FollowUp {
  return {
    id: 'fu-connection',
    kind: 'connection-request',
    title: 'Send a LinkedIn connection request to Jane Doe',
    due: '2026-03-10',
    priority: 'high',
    reason: 'You applied 2 days ago.',
    experts: [expertById('ryan-nouis')],
    context: '@linkedin',
    applicationPath: 'Applications/Orchid Labs - Analyst.md',
    applicationName: 'Orchid Labs - Analyst',
    ...extra,
  };
}
