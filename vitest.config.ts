import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

// `obsidian` ships only types, so tests resolve it to obsidian-test-mocks' in-memory host; `vscode`
// exists only inside VS Code, so to jest-mock-vscode's mock (renewed after each file that used it).
const obsidianMock = fileURLToPath(
  new URL('./node_modules/obsidian-test-mocks/dist/lib/esm/obsidian/index.mjs', import.meta.url),
);
const vscodeMock = fileURLToPath(new URL('./tests/vscode/vscode-mock.ts', import.meta.url));

// Linux's in-memory /dev/shm, when it is there, writable and roomy: the tests on the real file
// system make and remove thousands of files, about a second of disk work per run on ext4.
function inMemory(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    accessSync('/dev/shm', constants.W_OK);
    const { bavail, bsize } = statfsSync('/dev/shm');
    return bavail * bsize > 2 ** 31 ? '/dev/shm' : undefined;
  } catch {
    return undefined;
  }
}

// Every temporary folder a run's tests make goes in one folder of its own (their os.tmpdir()),
// removed when the run ends (tests/temp-root.ts): none is left behind, whatever a test forgets.
// In memory, unless the person chose where temporary files go (TMPDIR).
// Vitest reads this file once per project: the first reading makes the folder, the others take it.
const testTemp = (process.env.JHA_TEST_TEMP ??= mkdtempSync(join((process.env.TMPDIR ? undefined : inMemory()) ?? tmpdir(), 'jha-tests-')));

// `npm test`: every behaviour guard, quickly. Cases titled `[stress]` (100-run loops, 5 MB notes,
// 1,000 applications) run with `npm run test:stress` (vitest.stress.config.ts), as do the full
// fast-check run counts (tests/stress.ts).
export const shared = {
  include: ['tests/**/*.test.ts'],
  exclude: ['tests/browser/**', 'node_modules/**'],
  alias: { obsidian: obsidianMock, vscode: vscodeMock },
  environment: 'node',
  setupFiles: ['tests/setup.ts'],
  globalSetup: ['tests/temp-root.ts'],
  env: { TMPDIR: testTemp, TEMP: testTemp, TMP: testTemp },
  testTimeout: 20000,
};

// A test file that mocks a module (`vi.mock`; none does today) runs in a fresh context, so its mock
// never reaches another file: in a thread, or a process of its own where the file changes the zone
// (a worker thread cannot). Nothing else needs one: `obsidian` and `vscode` resolve to mocks (above)
// that hold no file's changes (tests/obsidian/notices.ts records notices through the mocked
// Obsidian's own hook; tests/setup.ts renews the vscode mock after each VS Code file). So every other
// file shares one context per worker, sparing each file its own module loading (and the DOM files
// their own happy-dom), in child processes for the same reason; files that change the zone, the
// timers or the DOM put them back when they finish. Each file is sorted by what it says, so a new
// one lands in the right project without a list to keep.
const testsDir = fileURLToPath(new URL('./tests', import.meta.url));
const testFiles = readdirSync(testsDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts') && !f.startsWith('browser'))
  .map((f) => ({ path: `tests/${f.split(sep).join('/')}`, text: readFileSync(join(testsDir, f), 'utf8') }));
const isMocked = (f: { text: string }): boolean => /\bvi\.(do)?[mM]ock\(/.test(f.text);
const changesZone = (f: { text: string }): boolean => /process\.env\.TZ\s*=[^=]/.test(f.text);
const mocked = testFiles.filter(isMocked).map((f) => f.path);
const mockedInZones = testFiles.filter((f) => isMocked(f) && changesZone(f)).map((f) => f.path);
const dom = testFiles.filter((f) => !mocked.includes(f.path) && f.text.includes('@vitest-environment happy-dom')).map((f) => f.path);
const { include, exclude, ...common } = shared;

export default defineConfig({
  test: {
    ...common,
    testNamePattern: /^(?!.*\[stress\])/,
    // Both cores of a two-core machine (vitest keeps one for itself by default): a second or two
    // less than one worker under load (1 December 2026); `--maxWorkers=1` to spare the machine.
    maxWorkers: 2,
    // Each module's transform kept on disk (node_modules/.experimental-vitest-cache, keyed by its
    // bytes) for the next run: transform 4.5-6.3 s -> 1.6 s summed, about 2 s less CPU in all.
    experimental: { fsModuleCache: true },
    projects: ([
      { extends: true, test: { name: 'mocked', include: mocked, exclude: [...exclude, ...mockedInZones], pool: 'threads' } },
      { extends: true, test: { name: 'mocked-zones', include: mockedInZones, exclude } },
      { extends: true, test: { name: 'dom', include: dom, exclude, isolate: false, pool: 'forks' } },
      { extends: true, test: { name: 'node', include, exclude: [...exclude, ...mocked, ...dom], isolate: false, pool: 'forks' } },
    ] satisfies TestProjectInlineConfiguration[]).filter((p) => p.test.include.length > 0),
  },
});
