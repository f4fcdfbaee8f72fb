export const repoRoot: string;
export const pageDir: string;
export const TODAY: string;
export function buildPage(): Promise<string>;
