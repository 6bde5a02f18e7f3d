// Run the real unified transform on a Markdown string, as the build does.
import path from 'node:path';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { loadProject } from '../../src/load/project.js';
import { toDiagnostic } from '../../src/problems/diagnostic.js';
import { formatText } from '../../src/report/format.js';
import { transformManuscript } from '../../src/transform/processor.js';
import { ROOT } from './cli.js';

export const project = loadProject(ROOT);

export async function transform(markdown: string, options: { importNotes?: 'auto' | 'always' | 'never'; name?: string } = {}) {
  const file = new VFile({ path: path.join(ROOT, 'manuscript', options.name ?? 'test.md'), value: markdown });
  const body: Root = await transformManuscript(file, {
    brand: project.brand,
    projectRoot: project.root,
    defaultLang: project.config.defaults.lang,
    labels: project.labels,
    ...(options.importNotes ? { importNotes: options.importNotes } : {}),
  });
  return {
    file,
    body,
    html: toHtml(body),
    notes: file.data.notes ?? [],
    notesHtml: (file.data.notes ?? []).map((note) => toHtml({ type: 'root', children: note.content })),
    messages: formatMessages(file, ROOT),
  };
}

/** The file's messages as the CLI prints them, paths relative to `root`. */
export function formatMessages(file: VFile, root: string): string[] {
  return file.messages.map((message) => formatText(toDiagnostic(message, root)));
}
