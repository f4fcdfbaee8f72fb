// The core's public API: everything the CLI and the plugin use, from one place.
export * from './model';
export * from './dates';
export * from './experts';
export * from './knowledge';
export * from './moment';
export * from './advice';
export { parseStage, stageWords, STAGE_ALIASES, type StageReading } from './stages';
export { normalizeKey, findField, FIELD_ALIASES } from './fields';
export { readPeople, parseWikilink } from './people';
export { readApplication, isApplicationFrontmatter } from './application';
export { planFollowUps, followUpId } from './followups';
export {
  connectionNoteDraft,
  connectionNoteDraftFor,
  thankYouLetterDraft,
  checkInDraft,
  countLinkedInChars,
  NAME_PLACEHOLDER,
} from './drafts';
export { safeFileName, taskNotePath, renderTaskNote, renderTasksLine, readTaskNoteId, TASK_ID_FIELD, yamlString } from './task-note';
export {
  renderAdviceCallout,
  insertOrRefreshBlock,
  removeBlock,
  findBlock,
  escapeMarkdown,
  CALLOUT_TYPE,
  BLOCK_START,
  BLOCK_END,
} from './callout';
export { formatReportText } from './report-text';
export { learnSchema, stageChoices, stageFromWord, type VaultSchema } from './vault-schema';
export { planNewApplication, type NewApplication, type PlannedApplication } from './new-application';
export { planStageChange, applyEdits, readStageHistory, type StageHistoryEntry } from './stage-change';
export { editFrontmatter, type FrontmatterEdit } from './frontmatter-edit';
export { huntOverview, exportRows, spreadsheetSafe, EXPORT_COLUMNS, type HuntOverview, type HuntApplication, type ExportRow } from './hunt-overview';
export { renderDashboard, dashboardDecision, DASHBOARD_NAME } from './dashboard';
