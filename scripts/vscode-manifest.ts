// Writes the VS Code extension's package.json from src/vscode/manifest.ts (run by
// scripts/vscode-package.mjs once esbuild has bundled it): `node vscode-manifest.cjs <file> <version>`.
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { extensionManifest } from '../src/vscode/manifest';

const [file, version] = process.argv.slice(2);
if (!file || !version) throw new Error('usage: vscode-manifest <package.json to write> <version>');
writeFileSync(file, `${JSON.stringify(extensionManifest(version), null, 2)}\n`);
