// Every example of the CommonMark specification, as a manuscript: each either builds a PDF and an
// EPUB that validate, or fails with located diagnostics. `npm test` takes every 10th example;
// `npm run test:corpus` takes all of them.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import spec from 'commonmark-spec';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { epubcheckTs } from '../helpers/epub.js';

const FULL = process.env.AVIM_CORPUS === 'full';
const examples = (spec.tests as { markdown: string; number: number; section: string }[]).filter((example) => FULL || example.number % 10 === 0);
const LOCATED = /^[^\s:]+:\d+:\d+ \((?!internal\))[\w-]+\) .+$/;

describe(`CommonMark spec corpus (${examples.length} examples)`, () => {
  const folder = tempDir('avim-press-corpus-');
  const out = path.join(folder, 'dist');
  let result: BuildResult;

  beforeAll(async () => {
    const inputs = examples.map((example) => {
      const file = path.join(folder, `example-${String(example.number).padStart(3, '0')}.md`);
      // The spec shows tabs as →.
      writeFileSync(file, `---\ntitle: CommonMark example ${example.number}\n---\n\n${example.markdown.replace(/→/g, '\t')}`);
      return file;
    });
    result = await build({ inputs, out, cwd: ROOT });
  }, 900_000);

  it('accounts for every example', () => {
    // Each example either wrote both artifacts or failed, never both, never neither.
    const failed = new Set(result.failures.map((failure) => failure.source));
    const complete = new Set(
      result.artifacts
        .filter((artifact) => !failed.has(artifact.source) && result.artifacts.some((other) => other.source === artifact.source && other.format !== artifact.format))
        .map((artifact) => artifact.source),
    );
    expect(complete.size + failed.size).toBe(examples.length);
  });

  it('fails only with located diagnostics, never a stack trace', () => {
    for (const failure of result.failures) {
      const errors = failure.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      expect(errors.length, `${failure.source}: ${failure.reason}`).toBeGreaterThan(0);
      // Located: at a line of the example's own file, under a rule avim-press documents.
      for (const error of errors) expect(`${error.file}:${error.line}:${error.column} (${error.ruleId}) ${error.reason}`, failure.source).toMatch(LOCATED);
    }
  });

  it('writes artifacts that validate', async () => {
    const epubs = result.artifacts.filter((artifact) => artifact.format === 'epub');
    const pdfs = result.artifacts.filter((artifact) => artifact.format === 'pdf');
    expect(epubs.length).toBe(pdfs.length);
    for (const artifact of epubs) {
      const check = await epubcheckTs(path.join(ROOT, artifact.path));
      expect(
        check.problems.filter((problem) => problem.severity !== 'warning'),
        artifact.source,
      ).toEqual([]);
    }
    for (const artifact of pdfs) {
      const pdf = await PDFDocument.load(readFileSync(path.join(ROOT, artifact.path)), { updateMetadata: false });
      expect(pdf.getPageCount(), artifact.source).toBeGreaterThan(0);
    }
  }, 600_000);
});
