// What an artifact is built from, hashed, so that an unchanged document is not built again: the
// project's shared inputs (brand, configuration, templates, styles, fonts, tool version) as one
// digest, and each manuscript's own files (the manuscript, its images, its cover) one by one.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Project } from '../load/project.js';
import { CONFIG_FILE } from '../load/project.js';
import type { ManifestInput } from './manifest.js';

const require = createRequire(import.meta.url);

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function filesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full));
    else if (entry.isFile()) found.push(full);
  }
  return found.sort();
}

/** One digest of everything every document of the project is built from. */
export function sharedInputsKey(project: Project, toolVersion: string): string {
  const hash = createHash('sha256').update(`avim-press ${toolVersion}\n`);
  const files = [project.brandPath, path.join(project.root, CONFIG_FILE), ...filesUnder(project.templatesDir), ...filesUnder(project.stylesDir)];
  for (const file of files) {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      continue; // no config file: the defaults, which the tool version covers
    }
    hash.update(`${path.relative(project.root, file)}\n`).update(data);
  }
  // The fonts: their packages' versions (the files inside a version do not change).
  for (const family of Object.values(project.brand.fonts)) {
    if (!family) continue;
    const manifest = JSON.parse(readFileSync(require.resolve(`${family.package}/package.json`), 'utf8')) as { version: string };
    hash.update(`${family.package}@${manifest.version}\n`);
  }
  return hash.digest('hex');
}

/** A file's hash as the manifest records it (the path relative to the project). */
export function hashInput(root: string, file: string): ManifestInput {
  return { path: path.relative(root, file), sha256: sha256(readFileSync(file)) };
}

/** True when every recorded input still has the recorded hash. */
export function inputsUnchanged(root: string, inputs: ManifestInput[]): boolean {
  return inputs.every((input) => {
    const file = path.resolve(root, input.path);
    try {
      return statSync(file).isFile() && sha256(readFileSync(file)) === input.sha256;
    } catch {
      return false;
    }
  });
}
