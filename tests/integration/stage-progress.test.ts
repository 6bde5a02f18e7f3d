// Progress on long work: a build says each document's stages as they begin (`--reporter json`: stage
// events; on a terminal, after the progress bar), not only a line at the end. Checked on the book
// fixture through the real CLI (its events, in order), and on the console reporter's terminal output
// for the same events.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { BuildEvent } from '../../src/build.js';
import { consoleReporter } from '../../src/report/console-reporter.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { pdfinfo } from '../helpers/poppler.js';
import { tempProject } from '../helpers/projects.js';

describe('stage progress', () => {
  it('a book build emits its stages in order, the checks and the print with the page count', () => {
    const project = tempProject({ prefix: 'avim-press-stages-' });
    cpSync(path.join(ROOT, 'tests', 'fixtures', 'book'), path.join(project, 'manuscript'), { recursive: true });
    const run = runCli(['build', 'manuscript/book.md', '--reporter', 'json', '--validate'], { cwd: project, env: { SOURCE_DATE_EPOCH: '1714521600' } });
    expect(run.status, run.stderr).toBe(0);
    const events = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as BuildEvent);
    const stages = events.flatMap((event) => (event.type === 'stage' ? [event] : []));
    expect(stages.every((event) => event.source === 'manuscript/book.md')).toBe(true);
    const order = stages.map((event) => event.stage);
    expect(order[0]).toBe('transform');
    expect([...order].sort()).toEqual(['checks', 'epub', 'layout', 'print', 'transform', 'validate']);
    // The print's stages in their order; the EPUB is made beside them and validated before it is written.
    const at = (stage: string) => order.indexOf(stage as never);
    expect(at('layout')).toBeLessThan(at('checks'));
    expect(at('checks')).toBeLessThan(at('print'));
    expect(at('epub')).toBeLessThan(at('validate'));
    // Each stage is said before what it makes: the EPUB's before its artifact, all before the document is done.
    const index = (predicate: (event: BuildEvent) => boolean) => events.findIndex(predicate);
    const epubArtifact = index((event) => event.type === 'artifact' && event.artifact.format === 'epub');
    expect(events.indexOf(stages.find((event) => event.stage === 'validate')!)).toBeLessThan(epubArtifact);
    expect(events.indexOf(stages.at(-1)!)).toBeLessThan(index((event) => event.type === 'document'));
    const pages = Number(pdfinfo(path.join(project, 'dist', 'book.pdf')).Pages);
    expect(stages.filter((event) => event.stage === 'checks' || event.stage === 'print').map((event) => event.pages)).toEqual([pages, pages]);
  });

  it('on a terminal, shows the stage a document is in after the progress bar', () => {
    const err = new PassThrough();
    const out = new PassThrough();
    let written = '';
    err.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const report = consoleReporter({ progress: true, err, out });
    report({ type: 'start', total: 2 });
    report({ type: 'stage', source: 'manuscript/book.md', stage: 'layout' });
    report({ type: 'stage', source: 'manuscript/book.md', stage: 'checks', pages: 212 });
    const lines = written.split('\r').filter((line) => line.trim());
    expect(lines.at(-2)).toBe('[------------------------] 0/2  book.md: laying out pages');
    expect(lines.at(-1)).toBe('[------------------------] 0/2  book.md: checking pages (212 pages)');
  });
});
