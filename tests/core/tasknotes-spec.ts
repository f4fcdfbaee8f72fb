// TaskNotes' spec (tasknotes.dev/spec) asks more of a task file than @tasknotes/model's
// validateTask checks. These are the spec's own checks, as its sections state them, so a test can
// hold our task notes to the documentation and not only to the package.
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** 3.3.2: canonical date-times are UTC, second precision, with Z. */
const CANONICAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Everything the spec finds wrong with a task's frontmatter (empty: conforming). */
export function specProblems(fm: Record<string, unknown>, completedStatuses = ['done']): string[] {
  const problems: string[] = [];
  // 6.4 check 1 (with 2.2): status, date_created and date_modified are required.
  for (const field of ['status', 'dateCreated', 'dateModified']) {
    if (typeof fm[field] !== 'string' || (fm[field]).trim() === '') problems.push(`${field} missing`);
  }
  // 6.4 check 1b (2.2.2): the title resolves (stored in the title field by default).
  if (typeof fm.title !== 'string' || fm.title.trim() === '') problems.push('title missing');
  // 6.4 check 3 (3.3, 3.4): dates are real calendar days; date-times canonical UTC.
  for (const field of ['due', 'scheduled', 'completedDate']) {
    if (fm[field] !== undefined && !(typeof fm[field] === 'string' && isRealDate(fm[field]))) problems.push(`${field} not a date`);
  }
  for (const field of ['dateCreated', 'dateModified']) {
    if (typeof fm[field] === 'string' && !CANONICAL_DATETIME.test(fm[field])) problems.push(`${field} not canonical`);
  }
  // 6.4 check 1a (2.2.1): a non-recurring task that is done carries completedDate.
  const done = typeof fm.status === 'string' && completedStatuses.includes(fm.status);
  if (done && fm.recurrence === undefined && fm.completedDate === undefined) problems.push('completedDate missing');
  // 6.4 check 6: date_modified is not earlier than date_created.
  if (typeof fm.dateCreated === 'string' && typeof fm.dateModified === 'string' && Date.parse(fm.dateModified) < Date.parse(fm.dateCreated)) {
    problems.push('dateModified before dateCreated');
  }
  // TaskNotes' own docs: contexts and projects are lists; contexts plain text (the cards add "@").
  for (const field of ['contexts', 'projects', 'tags']) {
    if (fm[field] !== undefined && !Array.isArray(fm[field])) problems.push(`${field} not a list`);
  }
  if (Array.isArray(fm.contexts) && fm.contexts.some((c) => typeof c !== 'string' || c.startsWith('@'))) problems.push('contexts not plain');
  return problems;
}
