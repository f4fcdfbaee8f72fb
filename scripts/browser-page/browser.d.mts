import type { BrowserContext, Page } from 'playwright-core';
export const CHROMIUM: string;
export function chromiumInstalled(): boolean;
export function launchBrowser(): Promise<{ browser: BrowserContext; close: () => Promise<void> }>;
export function openView(browser: BrowserContext, indexPath: string, query: Record<string, string | undefined>, width: number, height?: number): Promise<Page>;
export function pageInfo(page: Page): Promise<unknown>;
