// The tool's compiled code, kept from the build: bin/job-hunt-advisor.cjs runs the tool
// (bin/job-hunt-advisor-tool.cjs) with V8's code cache made by `npm run build`
// (scripts/cli-code-cache.mjs), sparing each start the compiling of the whole tool (a third of
// one `advise` over bare `node`, measured). Nothing is written when the tool runs.
// The cache file holds the tool's exact bytes before V8's data: V8 itself only checks its own
// version, its flags and the source's length, so the bytes are compared here; a cache from another
// build of the tool is never used, and one from another Node is refused by V8 (compiled as usual).

import type { Buffer } from 'node:buffer';

export const TOOL_FILE = 'job-hunt-advisor-tool.cjs';
export const CACHE_FILE = 'job-hunt-advisor-tool.v8cache';

/** The tool's text as the CommonJS function Node would make of it (scripts/cli-code-cache.mjs wraps it the same way). */
export function wrapTool(text: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
}

/** V8's data in `cacheFile` when it was made from exactly `tool`'s bytes; undefined otherwise. */
export function codeCacheFor(tool: Buffer, cacheFile: Buffer): Buffer | undefined {
  if (cacheFile.length <= 4) return undefined;
  const length = cacheFile.readUInt32LE(0);
  if (length !== tool.length || cacheFile.length <= 4 + length) return undefined;
  // One memory comparison (a loop here would cost milliseconds before V8 compiles it).
  return cacheFile.subarray(4, 4 + length).equals(tool) ? cacheFile.subarray(4 + length) : undefined;
}
