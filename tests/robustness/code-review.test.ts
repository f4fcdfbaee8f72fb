// The code review of issue 4, kept as a test: no code from strings, no HTML from strings, no network,
// and note text never handed to a Markdown or HTML renderer. Source files are checked on their
// syntax tree (comments and strings never trip it); the bundles, when built, as text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/helpers';

// Required, not imported: Node's ESM loader would first scan all 9 MB of typescript.js for its
// CommonJS exports (about 0.3 s of every run). `ts` names its types.
const typescript = createRequire(import.meta.url)('typescript') as typeof ts;

/** Modules that reach the network or run code from strings. */
const NETWORK_MODULES = /^(node:)?(http|https|http2|net|tls|dgram|dns|vm)$/;
/** The product itself never starts other programs either (the benchmarks and scripts do, to time the tool). */
const PROGRAM_MODULES = /^(node:)?(child_process|worker_threads|cluster)$/;
/** Globals and Obsidian functions that reach the network. */
const NETWORK_NAMES = new Set(['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'requestUrl', 'request', 'sendBeacon']);
/** Properties and functions that turn a string into HTML or a rendered document. */
const HTML_SINKS = new Set(['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'setHTML', 'srcdoc']);
const RENDERERS = new Set(['MarkdownRenderer', 'renderMarkdown', 'sanitizeHTMLToDom', 'DOMParser', 'createContextualFragment']);

/**
 * The two files that compile code with `node:vm`, and only the tool's own built file: the launcher
 * that starts the command-line tool from V8's code cache, and the build step that makes the cache.
 */
export const COMPILE_THE_TOOL = ['src/cli/launcher.ts', 'scripts/cli-code-cache.mjs'];

/** Everything in one source file that the review forbids, one line each. */
export function reviewProblems(source: string, fileName: string, product = true): string[] {
  const vmAllowed = COMPILE_THE_TOOL.includes(fileName);
  const banned = (spec: string): boolean =>
    (NETWORK_MODULES.test(spec) && !(vmAllowed && /^(node:)?vm$/.test(spec))) || (product && PROGRAM_MODULES.test(spec));
  const kind = fileName.endsWith('.ts') ? typescript.ScriptKind.TS : typescript.ScriptKind.JS;
  const file = typescript.createSourceFile(fileName, source, typescript.ScriptTarget.Latest, true, kind);
  const problems: string[] = [];
  const at = (node: ts.Node, what: string): void => {
    problems.push(`${fileName}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${what}`);
  };
  const isLiteral = (node: ts.Node | undefined): boolean => node !== undefined && (typescript.isStringLiteral(node) || typescript.isNoSubstitutionTemplateLiteral(node));
  const name = (expr: ts.Expression): string | undefined =>
    typescript.isIdentifier(expr) ? expr.text : typescript.isPropertyAccessExpression(expr) ? expr.name.text : undefined;
  const visit = (node: ts.Node): void => {
    if (typescript.isCallExpression(node)) {
      const callee = name(node.expression);
      if (callee === 'eval') at(node, 'eval');
      if (callee === 'Function' && typescript.isIdentifier(node.expression)) at(node, 'Function() from a string');
      if (node.expression.kind === typescript.SyntaxKind.ImportKeyword && !isLiteral(node.arguments[0])) at(node, 'dynamic import()');
      if (callee === 'require' && typescript.isIdentifier(node.expression)) {
        if (!isLiteral(node.arguments[0])) at(node, 'dynamic require()');
        else if (banned((node.arguments[0] as ts.StringLiteral).text)) at(node, `require of "${(node.arguments[0] as ts.StringLiteral).text}"`);
      }
      if (callee && NETWORK_NAMES.has(callee) && (typescript.isIdentifier(node.expression) || callee === 'sendBeacon' || callee === 'fetch')) at(node, `network call ${callee}()`);
      if (callee === 'write' && typescript.isPropertyAccessExpression(node.expression) && name(node.expression.expression) === 'document') at(node, 'document.write');
      if (callee === 'setTimeout' || callee === 'setInterval') {
        if (node.arguments[0] && (typescript.isStringLiteral(node.arguments[0]) || typescript.isTemplateExpression(node.arguments[0]))) at(node, `${callee} with a string of code`);
      }
    }
    if (typescript.isNewExpression(node)) {
      const callee = name(node.expression);
      if (callee === 'Function') at(node, 'new Function');
      if (callee && NETWORK_NAMES.has(callee)) at(node, `network: new ${callee}`);
      if (callee && RENDERERS.has(callee)) at(node, `renders HTML or Markdown: new ${callee}`);
    }
    if (typescript.isPropertyAccessExpression(node) && HTML_SINKS.has(node.name.text)) at(node, `HTML from a string: .${node.name.text}`);
    if (typescript.isElementAccessExpression(node) && isLiteral(node.argumentExpression) && HTML_SINKS.has((node.argumentExpression as ts.StringLiteral).text)) {
      at(node, 'HTML from a string by index');
    }
    if (typescript.isIdentifier(node) && RENDERERS.has(node.text) && !typescript.isImportSpecifier(node.parent)) at(node, `renders HTML or Markdown: ${node.text}`);
    if ((typescript.isImportDeclaration(node) || typescript.isExportDeclaration(node)) && node.moduleSpecifier && typescript.isStringLiteral(node.moduleSpecifier)) {
      if (banned(node.moduleSpecifier.text)) at(node, `imports "${node.moduleSpecifier.text}"`);
    }
    if (typescript.isImportSpecifier(node) && NETWORK_NAMES.has((node.propertyName ?? node.name).text)) at(node, `imports ${(node.propertyName ?? node.name).text}`);
    typescript.forEachChild(node, visit);
  };
  visit(file);
  return problems;
}

/** What a built bundle must not hold. The plugin may require nothing but `obsidian` (mobile has no Node). */
export function bundleProblems(text: string, fileName: string, allowedRequires: RegExp): string[] {
  const problems: string[] = [];
  const forbidden: [RegExp, string][] = [
    [/\beval\s*\(/, 'eval'],
    [/\bnew\s+Function\s*\(/, 'new Function'],
    [/\.(innerHTML|outerHTML)\s*=|\.insertAdjacentHTML\s*\(/, 'HTML from a string'],
    [/\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\brequestUrl\b|\bsendBeacon\b/, 'network'],
    [/\bMarkdownRenderer\b|\bsanitizeHTMLToDom\b/, 'renders Markdown or HTML'],
    [/\brequire\s*\(\s*[^"'\s)]/, 'dynamic require()'],
  ];
  for (const [re, what] of forbidden) if (re.test(text)) problems.push(`${fileName}: ${what}`);
  for (const m of text.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g)) {
    if (!allowedRequires.test(m[1]!)) problems.push(`${fileName}: require("${m[1]}")`);
  }
  return problems;
}

function sources(dir: string, pattern: RegExp): string[] {
  const root = path.join(REPO, dir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.d.mts'))
    .map((e) => path.relative(REPO, path.join(e.parentPath, e.name)));
}

describe('code review: src/, scripts/ and bench/', () => {
  const files = [...sources('src', /\.ts$/), ...sources('scripts', /\.(ts|mjs|js)$/), ...sources('bench', /\.(ts|mjs|js)$/)];

  it('has the plugin, the core and the command-line tool to check', () => {
    expect(files).toEqual(expect.arrayContaining(['src/main.ts', 'src/core/callout.ts', 'src/cli/run.ts']));
  });

  it.each(files)('%s: no eval, Function, dynamic require, HTML from strings, network or Markdown rendering', (rel) => {
    expect(reviewProblems(readFileSync(path.join(REPO, rel), 'utf8'), rel, rel.startsWith('src/'))).toEqual([]);
  });
});

describe('code review: the two files allowed node:vm', () => {
  it.each(COMPILE_THE_TOOL)('%s compiles one thing, the bytes of the built tool', (rel) => {
    const source = readFileSync(path.join(REPO, rel), 'utf8');
    const file = typescript.createSourceFile(rel, source, typescript.ScriptTarget.Latest, true, rel.endsWith('.ts') ? typescript.ScriptKind.TS : typescript.ScriptKind.JS);
    const compiled: string[] = [];
    const visit = (node: ts.Node): void => {
      if (typescript.isNewExpression(node) && /(^|\.)Script$/.test(node.expression.getText(file))) compiled.push(node.arguments?.[0]?.getText(file) ?? '');
      if (typescript.isCallExpression(node) && /(runInNewContext|runInContext|compileFunction|SourceTextModule)$/.test(node.expression.getText(file))) compiled.push(node.getText(file));
      typescript.forEachChild(node, visit);
    };
    visit(file);
    expect(compiled).toHaveLength(1);
    // The text handed to V8 is the tool's file as read (`tool`), wrapped as Node wraps a module.
    expect(compiled[0]).toMatch(/^(wrapTool\(tool\.toString\('utf8'\)\)|`\(function \(exports, require, module, __filename, __dirname\) \{\$\{tool\.toString\('utf8'\)\}\\n\}\)`)$/);
    expect(source).toMatch(/TOOL_FILE|'job-hunt-advisor-tool\.cjs'/);
  });
});

describe('code review: the built bundles', () => {
  const bundles: [string, RegExp][] = [
    // The plugin runs on phones too: Obsidian's own module only.
    ['main.js', /^obsidian$/],
    // The command-line tool: Node's file and path modules, nothing that reaches the network, and
    // the libraries built beside it that it loads only when needed.
    ['bin/job-hunt-advisor-tool.cjs', /^((node:)?(fs|path|process|url|os|buffer|util|v8)|\.\/job-hunt-advisor-csv\.cjs)$/],
    // Its launcher: reads the tool and its code cache, and compiles the tool (nothing else: below).
    ['bin/job-hunt-advisor.cjs', /^(node:)?(fs|path|vm)$/],
    ['bin/job-hunt-advisor-csv.cjs', /^$/],
  ];
  // Skipped before the first build (a fresh clone); .ci/run runs this file again after building.
  for (const [file, allowed] of bundles) {
    it.skipIf(!existsSync(path.join(REPO, file)))(`${file} holds none of them`, () => {
      expect(bundleProblems(readFileSync(path.join(REPO, file), 'utf8'), file, allowed)).toEqual([]);
    });
  }
});

describe('the review itself catches', () => {
  it.each([
    ['eval("1")', 'eval'],
    ['window.eval(code)', 'eval'],
    ['new Function("return 1")', 'new Function'],
    ['Function("return 1")()', 'Function() from a string'],
    ['const m = require(name)', 'dynamic require()'],
    ['await import(`./${x}`)', 'dynamic import()'],
    ['el.innerHTML = note', '.innerHTML'],
    ['el.outerHTML = note', '.outerHTML'],
    ['el.insertAdjacentHTML("beforeend", note)', '.insertAdjacentHTML'],
    ['el["innerHTML"] = note', 'by index'],
    ['await fetch("https://example.com")', 'fetch()'],
    ['globalThis.fetch(url)', 'fetch()'],
    ['new XMLHttpRequest()', 'new XMLHttpRequest'],
    ['import { requestUrl } from "obsidian"', 'imports requestUrl'],
    ['import * as http from "node:http"', 'imports "node:http"'],
    ['import { spawn } from "node:child_process"', 'imports "node:child_process"'],
    ['MarkdownRenderer.render(app, noteText, el, path, this)', 'MarkdownRenderer'],
    ['setTimeout("alert(1)", 0)', 'string of code'],
    ['document.write(note)', 'document.write'],
  ])('%s', (source, what) => {
    const found = reviewProblems(source, 'planted.ts');
    expect(found.join('\n')).toContain(what);
  });

  it('leaves comments, strings and safe DOM calls alone', () => {
    const safe = '// eval, innerHTML and fetch are mentioned here only\nconst s = "fetch(innerHTML)";\nel.createEl("p", { text: note });\nel.setText(note);';
    expect(reviewProblems(safe, 'safe.ts')).toEqual([]);
  });

  it('in a bundle: eval, HTML, network and any module but the allowed ones', () => {
    expect(bundleProblems('a=eval(s);b.innerHTML=c;fetch(u);require("fs");require(x)', 'main.js', /^obsidian$/)).toEqual([
      'main.js: eval',
      'main.js: HTML from a string',
      'main.js: network',
      'main.js: dynamic require()',
      'main.js: require("fs")',
    ]);
    expect(bundleProblems('require("obsidian")', 'main.js', /^obsidian$/)).toEqual([]);
  });
});
