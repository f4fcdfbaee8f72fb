// The core stays pure: no Obsidian, no Node modules, no clock, no code from strings. Checked on the
// syntax tree (not by grepping text), so comments and strings never trip it and tricks like
// `globalThis.Date.now()` do not slip through.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import type * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Required, not imported: Node's ESM loader would first scan all 9 MB of typescript.js for its
// CommonJS exports (about 0.3 s of every run). `ts` names its types.
const typescript = createRequire(import.meta.url)('typescript') as typeof ts;

/** Packages the core may import: pure, and bundled into both the plugin and the CLI. */
const ALLOWED_PACKAGES = ['date-fns'];
const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0] ?? m]));

/** Globals that mean I/O, the network, the DOM or a clock/randomness that breaks repeatable results. */
const FORBIDDEN_GLOBALS = new Set([
  'require', 'process', 'fetch', 'XMLHttpRequest', 'WebSocket', 'localStorage', 'sessionStorage', 'document',
  'window', 'navigator', 'performance', 'setTimeout', 'setInterval', 'eval', 'Function',
]);

/** Everything in `source` that breaks the core's purity, one line each. */
function purityProblems(source: string, fileName = 'file.ts'): string[] {
  const file = typescript.createSourceFile(fileName, source, typescript.ScriptTarget.Latest, true, typescript.ScriptKind.TS);
  const problems: string[] = [];
  const at = (node: ts.Node, what: string): void => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    problems.push(`${fileName}:${line + 1}: ${what}`);
  };
  const checkSpecifier = (node: ts.Node, spec: string): void => {
    if (spec.startsWith('./') || spec.startsWith('../')) {
      if (/\.(ts|js|mjs|cjs)$/.test(spec)) at(node, `import "${spec}" has an extension`);
      return;
    }
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0] ?? spec;
    if (spec === 'obsidian' || pkg === 'obsidian') at(node, 'imports obsidian');
    else if (spec.startsWith('node:') || NODE_MODULES.has(pkg)) at(node, `imports the Node module "${spec}"`);
    else if (!ALLOWED_PACKAGES.includes(pkg)) at(node, `imports "${spec}", not on the core's list of pure packages`);
  };
  /** `Date`, `globalThis.Date`, `window.Date`: the name a reference ends with. */
  const nameOf = (expr: ts.Expression): string | undefined => {
    if (typescript.isIdentifier(expr)) return expr.text;
    if (typescript.isPropertyAccessExpression(expr)) return expr.name.text;
    if (typescript.isParenthesizedExpression(expr)) return nameOf(expr.expression);
    return undefined;
  };
  const declared = declaredNames(file);
  const visit = (node: ts.Node): void => {
    if ((typescript.isImportDeclaration(node) || typescript.isExportDeclaration(node)) && node.moduleSpecifier && typescript.isStringLiteral(node.moduleSpecifier)) {
      // Type-only imports vanish at build time, but `obsidian` types still tie the core to the host.
      checkSpecifier(node, node.moduleSpecifier.text);
    } else if (typescript.isImportEqualsDeclaration(node)) {
      at(node, 'uses import = require');
    } else if (typescript.isCallExpression(node) && node.expression.kind === typescript.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && typescript.isStringLiteral(arg)) checkSpecifier(node, arg.text);
      else at(node, 'uses a dynamic import');
    } else if (typescript.isNewExpression(node) && nameOf(node.expression) === 'Date' && (node.arguments?.length ?? 0) === 0) {
      at(node, 'reads the clock with new Date()');
    } else if (typescript.isCallExpression(node) && nameOf(node.expression) === 'Date' && typescript.isIdentifier(node.expression)) {
      at(node, 'reads the clock with Date()');
    } else if (typescript.isCallExpression(node) && typescript.isPropertyAccessExpression(node.expression)) {
      const owner = nameOf(node.expression.expression);
      const method = node.expression.name.text;
      if (owner === 'Date' && method === 'now') at(node, 'reads the clock with Date.now()');
      if (owner === 'Math' && method === 'random') at(node, 'uses Math.random (results must repeat)');
    } else if (typescript.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && !declared.has(node.text) && isGlobalUse(node)) {
      at(node, `uses the global ${node.text}`);
    }
    typescript.forEachChild(node, visit);
  };
  visit(file);
  return problems;
}

/** Names the file declares itself (a local `window` is not the global one). */
function declaredNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      (typescript.isVariableDeclaration(node) || typescript.isParameter(node) || typescript.isFunctionDeclaration(node) ||
        typescript.isBindingElement(node) || typescript.isImportSpecifier(node) || typescript.isImportClause(node) ||
        typescript.isClassDeclaration(node)) &&
      node.name && typescript.isIdentifier(node.name)
    ) {
      names.add(node.name.text);
    }
    typescript.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

/** An identifier used as a value in its own right, not a property name, a declaration or a type. */
function isGlobalUse(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (typescript.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((typescript.isPropertyAssignment(parent) || typescript.isPropertySignature(parent) || typescript.isMethodDeclaration(parent)) && parent.name === node) return false;
  if (typescript.isVariableDeclaration(parent) || typescript.isParameter(parent) || typescript.isFunctionDeclaration(parent)) return parent.name !== node;
  if (typescript.isBindingElement(parent) || typescript.isImportSpecifier(parent) || typescript.isExportSpecifier(parent)) return false;
  if (typescript.isTypeReferenceNode(parent) || typescript.isQualifiedName(parent)) return false;
  if (typescript.isLiteralTypeNode(parent) || typescript.isTypeQueryNode(parent)) return false;
  return true;
}

const coreDir = new URL('../../src/core/', import.meta.url);

function coreFiles(dir: URL, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return coreFiles(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`);
    return /\.ts$/.test(entry.name) ? [`${prefix}${entry.name}`] : [];
  });
}

describe('src/core is pure', () => {
  const files = coreFiles(coreDir);

  it('has files to check', () => {
    expect(files).toContain('model.ts');
  });

  it.each(files)('%s: no Obsidian, no Node module, no clock, no eval', (name) => {
    const source = readFileSync(new URL(name, coreDir), 'utf8');
    expect(purityProblems(source, `src/core/${name}`)).toEqual([]);
  });
});

describe('the purity check itself catches', () => {
  it.each([
    [`import { Notice } from 'obsidian';`, 'imports obsidian'],
    [`import type { App } from 'obsidian';`, 'imports obsidian'],
    [`import { readFileSync } from 'fs';`, 'imports the Node module "fs"'],
    [`import * as path from 'node:path';`, 'imports the Node module "node:path"'],
    [`import { createHash } from 'crypto';`, 'imports the Node module "crypto"'],
    [`export { x } from 'child_process';`, 'imports the Node module "child_process"'],
    [`const os = await import('os');`, 'imports the Node module "os"'],
    [`import x from 'left-pad';`, 'not on the core\'s list'],
    [`import { a } from './model.ts';`, 'has an extension'],
    [`const fs = require('fs');`, 'uses the global require'],
    [`const today = new Date();`, 'new Date()'],
    [`const today = new globalThis.Date;`, 'new Date()'],
    [`const t = Date.now();`, 'Date.now()'],
    [`const t = globalThis.Date.now();`, 'Date.now()'],
    [`const s = Date();`, 'Date()'],
    [`eval('1');`, 'uses the global eval'],
    [`const f = new Function('return 1');`, 'uses the global Function'],
    [`const f = Function('return 1');`, 'uses the global Function'],
    [`const id = Math.random();`, 'Math.random'],
    [`const home = process.env.HOME;`, 'uses the global process'],
    [`void fetch('https://example.com');`, 'uses the global fetch'],
  ])('%s', (source, says) => {
    const problems = purityProblems(source);
    expect(problems.join('\n')).toContain(says);
  });

  it.each([
    `import { format } from 'date-fns';`,
    `import type { Stage } from './model';`,
    `const d = new Date(Date.UTC(2026, 2, 9));`,
    `const d = new Date(2026, 2, 9);`,
    `// new Date() and Date.now() in a comment are fine`,
    `const s = "eval('x') in a string is fine";`,
    `const o = { process: 1, window: 2 }; o.process = o.window;`,
    `interface X { document: string }`,
    `function f(process: string, window: number) { return process + String(window); }`,
  ])('but not %s', (source) => {
    expect(purityProblems(source)).toEqual([]);
  });
});
