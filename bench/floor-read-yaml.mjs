// The floor for a vault scan: find every note, read it, parse its YAML frontmatter, and nothing
// else. Whatever the CLI does beyond this is its own cost. The parse is the fastest correct one a
// well-written tool could use, and the one the CLI bundles: js-yaml's CommonJS build (its ES-module
// build parses about 2.5x slower), with the core schema the CLI reads frontmatter with.
// Usage: node bench/floor-read-yaml.mjs <folder> [skipped folder name]
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import process from 'node:process';

const { CORE_SCHEMA, load } = createRequire(import.meta.url)('js-yaml');
const options = { schema: CORE_SCHEMA };
const [root = '.', skip = 'Job hunt tasks'] = process.argv.slice(2);
let notes = 0;
let withFrontmatter = 0;

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules' && entry.name !== skip) walk(full);
    } else if (entry.isFile() && entry.name.endsWith('.md')) {
      const text = fs.readFileSync(full, 'utf8');
      notes += 1;
      if (!text.startsWith('---')) continue;
      const end = text.indexOf('\n---', 3);
      if (end < 0) continue;
      if (load(text.slice(text.indexOf('\n') + 1, end), options) !== undefined) withFrontmatter += 1;
    }
  }
}

walk(path.resolve(root));
process.stdout.write(`${JSON.stringify({ notes, withFrontmatter })}\n`);
