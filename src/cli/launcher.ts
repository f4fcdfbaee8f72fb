// Start of `job-hunt-advisor` (bundled to bin/job-hunt-advisor.cjs): runs the tool beside it
// (bin/job-hunt-advisor-tool.cjs, built from src/cli/main.ts) from the code V8 compiled for it at
// build time when that code is from exactly this build and this Node (src/cli/code-cache.ts), as
// Node would run the tool's file itself otherwise. Only the tool's own file is compiled here.
/* global __dirname, require -- bundled as CommonJS: its folder, and its own require for the tool */
import type { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { CACHE_FILE, codeCacheFor, TOOL_FILE, wrapTool } from './code-cache';

function cachedData(tool: Buffer): Buffer | undefined {
  try {
    return codeCacheFor(tool, readFileSync(join(__dirname, CACHE_FILE)));
  } catch {
    return undefined; // no cache (a development build): compiled as usual
  }
}

const file = join(__dirname, TOOL_FILE);
const tool = readFileSync(file);
const script = new Script(wrapTool(tool.toString('utf8')), { filename: file, cachedData: cachedData(tool) });
const toolModule = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void).call(toolModule.exports, toolModule.exports, require, toolModule, file, __dirname);
