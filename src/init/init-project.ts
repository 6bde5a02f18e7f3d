// `avim-press init [folder]`: a new project that builds at once — configuration, a brand file to fill
// in, a sample manuscript, .gitignore, a package.json whose scripts are the README's commands, and
// the release workflow. Nothing that exists is overwritten: the files are listed and nothing is written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT, TOOL_VERSION } from '../load/tool-version.js';

const SCAFFOLD = path.join(PACKAGE_ROOT, 'templates', 'init');

/** Where each file of a new project comes from (in templates/init/), by where it goes. */
const FILES: Record<string, string> = {
  'avim-press.config.yaml': 'avim-press.config.yaml',
  'brand/publisher.yaml': 'brand/publisher.yaml',
  'manuscript/welcome.md': 'manuscript/welcome.md',
  // npm leaves dot files out of a package: the scaffold keeps it without its dot.
  '.gitignore': 'gitignore',
  '.github/workflows/release.yml': 'release.yml',
};

export interface InitResult {
  written: string[];
  /** Files that exist already: when any does, nothing is written. */
  existing: string[];
}

export function initProject(folder: string): InitResult {
  const root = path.resolve(folder);
  const targets = [...Object.keys(FILES), 'package.json'];
  const existing = targets.filter((target) => existsSync(path.join(root, target)));
  if (existing.length > 0) return { written: [], existing };
  const write = (target: string, data: string) => {
    mkdirSync(path.dirname(path.join(root, target)), { recursive: true });
    writeFileSync(path.join(root, target), data);
  };
  for (const [target, source] of Object.entries(FILES)) write(target, readFileSync(path.join(SCAFFOLD, source), 'utf8'));
  const name =
    path
      .basename(root)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'publications';
  const manifest = {
    name,
    private: true,
    type: 'module',
    scripts: { build: 'avim-press build', check: 'avim-press check dist/*.epub', 'merge-manifests': 'avim-press merge-manifests', review: 'avim-press review' },
    devDependencies: { 'avim-press': `^${TOOL_VERSION}` },
  };
  write('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { written: targets, existing: [] };
}
