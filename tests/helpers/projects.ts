// Projects of their own for tests that build through the CLI: a temporary folder with the
// configuration and brand (and, when asked, templates and styles) of this repository.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateArticle } from '../../bench/generate.js';
import { ROOT, tempDir } from './cli.js';

// A 1×1 PNG.
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A project folder with an empty manuscript/ folder; `copy` adds more of this repository (templates, styles). */
export function tempProject(options: { prefix?: string; copy?: string[]; root?: string } = {}): string {
  const project = options.root ?? tempDir(options.prefix ?? 'avim-press-project-');
  for (const name of ['avim-press.config.yaml', 'brand', ...(options.copy ?? [])]) cpSync(path.join(ROOT, name), path.join(project, name), { recursive: true });
  mkdirSync(path.join(project, 'manuscript'), { recursive: true });
  return project;
}

/** Generated articles of the sample's size in the project's manuscript/ folder, named by `name`. */
export function addArticles(project: string, count: number, name = (index: number) => `article-${index + 1}.md`): string[] {
  return Array.from({ length: count }, (_, index) => {
    const file = path.join(project, 'manuscript', name(index));
    writeFileSync(file, generateArticle(index));
    return file;
  });
}
