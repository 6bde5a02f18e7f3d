// Data flows one way: load → transform → publication → render → validate → write → report, with
// the orchestration (batch/, build.ts, preview/, review/, cli.ts) on top. No module imports code from a later stage
// (types may be named anywhere), and no module takes DOM types or globals it does not run with.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const SRC = path.join(ROOT, 'src');
// Shared helpers first, orchestration last; a module may import from its own stage or an earlier one.
const STAGES = ['util', 'problems', 'load', 'transform', 'publication', 'render', 'validate', 'write', 'report', 'batch', 'preview', 'review', '.'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function stageOf(file: string): number {
  const top = path.relative(SRC, file).split(path.sep)[0]!;
  const index = STAGES.indexOf(top.endsWith('.ts') || top === 'bin' || top === 'init' ? '.' : top);
  return index < 0 ? STAGES.length : index;
}

/** The value imports of `text` (the module at `file`) that reach a later stage. */
function backwardImports(file: string, text: string): string[] {
  const backwards: string[] = [];
  // Value imports only: `import type` and `export type` name types, which erase.
  for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
    const target = path.resolve(path.dirname(file), match[1]!.replace(/\.js$/, '.ts'));
    if (stageOf(target) > stageOf(file)) backwards.push(`${path.relative(SRC, file)} → ${path.relative(SRC, target)}`);
  }
  return backwards;
}

describe('the folders show the data flow', () => {
  it('no module imports code from a later stage', () => {
    expect(sourceFiles(SRC).flatMap((file) => backwardImports(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('would see a transform plugin that imports the PDF renderer, but not a type it names', () => {
    const plugin = path.join(SRC, 'transform', 'plugins', 'example.ts');
    expect(backwardImports(plugin, "import { renderPdf } from '../../render/pdf/render-pdf.js';")).toEqual(['transform/plugins/example.ts → render/pdf/render-pdf.ts']);
    expect(backwardImports(plugin, "import type { PdfResult } from '../../render/pdf/render-pdf.js';")).toEqual([]);
  });
});
