// The pane on a note that is not an application ("Job search log" in the example vault): the whole
// hunt, computed by the real core from the example applications and drawn by the real renderer.
import { summaryOf } from '../../src/core/wording';
import { huntOverview, type HuntApplication } from '../../src/core/hunt-overview';
import type { CoreSettings } from '../../src/core/model';
import { readStageHistory } from '../../src/core/stage-change';
import { learnSchema } from '../../src/core/vault-schema';
import { renderAdvicePane, type AdvicePaneState } from '../../src/ui/advice-pane-render';
import { paneState } from './pane-state';
import type { Scene } from './scenes';

const noop = (): void => undefined;

export function renderPipelinePane(container: HTMLElement, all: Scene[], settings: CoreSettings): void {
  const schema = learnSchema(all.map((s) => ({ path: s.path, frontmatter: s.frontmatter })), settings);
  const applications: HuntApplication[] = all.map((s) => ({
    application: s.application,
    history: readStageHistory(s.frontmatter, schema, settings),
    followUps: s.followUps,
    momentSummary: summaryOf(s.report),
  }));
  const first = all[0];
  const today = first?.report.today ?? '';
  // The vault-wide lists as the application panes show them; the note itself is not an application.
  const lists = first ? paneState(first, all, settings) : {};
  const state: AdvicePaneState = {
    today,
    notePath: 'Job search log.md',
    noteName: 'Job search log',
    notApplication: { stageFields: ['stage', 'status', 'App-Stage'], stageExamples: ['Applied', 'Interviewing', 'Offer'] },
    pipeline: huntOverview(applications, schema, today),
    ...('due' in lists && lists.due ? { due: lists.due } : {}),
    ...('waiting' in lists && lists.waiting ? { waiting: lists.waiting } : {}),
  };
  renderAdvicePane(container, state, { onOpen: noop, onNewApplication: noop, onCreateDashboard: noop, onToggle: noop });
}
