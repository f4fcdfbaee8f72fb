// The extension's own package.json, as data: the commands, the view, the preview plugin and the
// settings. scripts/vscode-package.mjs writes it out at build time, so the commands the extension
// registers and the ones VS Code shows are the same list (a unit test holds them together).
import { configurationSchema, VSCODE_SETTING_KEYS } from './settings';

export const EXTENSION_NAME = 'job-hunt-advisor';
export const PUBLISHER = 'job-hunt-advisor';
export const CATEGORY = 'Job Hunt Advisor';
export const CONFIG_SECTION = 'jobHuntAdvisor';
export const VIEW_CONTAINER_ID = 'jobHuntAdvisor';
export const ADVICE_VIEW_ID = 'jobHuntAdvisor.advice';
/** Context key: the active editor holds an application note. */
export const IS_APPLICATION_KEY = 'jobHuntAdvisor.isApplication';
/** Context key: the active editor holds our advice callout. */
export const HAS_CALLOUT_KEY = 'jobHuntAdvisor.hasCallout';

export const COMMANDS = {
  advise: { id: 'jobHuntAdvisor.advise', title: 'Advise on this application', when: `editorLangId == markdown && ${IS_APPLICATION_KEY}` },
  createFollowUps: { id: 'jobHuntAdvisor.createFollowUps', title: 'Create follow-up tasks', when: `editorLangId == markdown && ${IS_APPLICATION_KEY}` },
  removeCallout: { id: 'jobHuntAdvisor.removeCallout', title: 'Remove advice callout', when: `editorLangId == markdown && ${HAS_CALLOUT_KEY}` },
  newApplication: { id: 'jobHuntAdvisor.newApplication', title: 'New job application', when: 'workspaceFolderCount > 0' },
  showAdvice: { id: 'jobHuntAdvisor.showAdvice', title: 'Show the advice view', when: 'true' },
} as const;

export type CommandName = keyof typeof COMMANDS;

export function extensionManifest(version: string): Record<string, unknown> {
  const commands = Object.values(COMMANDS);
  return {
    name: EXTENSION_NAME,
    displayName: 'Job Hunt Advisor',
    description: 'Advice from nine hiring managers and recruiters on connecting with the hiring manager, and follow-up task notes, for the job-application notes you keep in Markdown.',
    version,
    publisher: PUBLISHER,
    license: 'MIT',
    engines: { vscode: '^1.100.0' },
    categories: ['Other'],
    keywords: ['job hunt', 'markdown', 'frontmatter', 'tasknotes', 'obsidian'],
    main: './extension.js',
    // Only Markdown and our own commands and view wake the extension (commands and views are implied).
    activationEvents: ['onLanguage:markdown'],
    capabilities: { untrustedWorkspaces: { supported: false, description: 'Job Hunt Advisor writes task notes into the workspace.' } },
    contributes: {
      commands: commands.map((c) => ({ command: c.id, title: c.title, category: CATEGORY })),
      menus: { commandPalette: commands.map((c) => ({ command: c.id, when: c.when })) },
      viewsContainers: { activitybar: [{ id: VIEW_CONTAINER_ID, title: 'Job Hunt Advisor', icon: 'media/icon.svg' }] },
      views: { [VIEW_CONTAINER_ID]: [{ type: 'webview', id: ADVICE_VIEW_ID, name: 'Advice' }] },
      'markdown.markdownItPlugins': true,
      'markdown.previewStyles': ['./media/preview.css'],
      configuration: {
        title: 'Job Hunt Advisor',
        properties: Object.fromEntries(VSCODE_SETTING_KEYS.map((key) => [`${CONFIG_SECTION}.${key}`, configurationSchema(key)])),
      },
    },
  };
}
