// Every stage's problems reach `--json` as one shape: file, line, column, severity, rule, source and
// reason, for a transform error, a layout warning and a validator error alike (issue 11).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/problems/diagnostic.js';
import { runCli } from '../helpers/cli.js';
import { tempProject } from '../helpers/projects.js';

type DiagnosticEvent = Diagnostic & { type: 'diagnostic'; document: string };

describe('--json diagnostics from every stage', () => {
  let diagnostics: DiagnosticEvent[];
  let headingLines: Map<string, number>;
  beforeAll(() => {
    const root = tempProject({ copy: ['styles', 'templates'] });
    // A print stylesheet that lets a heading end a page (a layout warning) ...
    const css = path.join(root, 'styles', 'print.css');
    writeFileSync(css, readFileSync(css, 'utf8').replace('line-height: 1.2; break-after: avoid;', 'line-height: 1.2; break-after: auto;'));
    // ... a package template that forgets the language (an invalid EPUB, which EPUBCheck reports) ...
    const opf = path.join(root, 'templates', 'epub', 'content.opf.ejs');
    writeFileSync(opf, readFileSync(opf, 'utf8').replace(/<dc:language>.*<\/dc:language>/, ''));
    const sections = Array.from({ length: 30 }, (_, index) => `## Section ${index + 1}\n\n${'A sentence about the region and its cooperation. '.repeat(2 + ((index * 7) % 11))}\n`);
    const headings = ['---', 'title: Headings', 'date: 2024', '---', '', ...sections].join('\n');
    writeFileSync(path.join(root, 'manuscript', 'headings.md'), headings);
    headingLines = new Map(headings.split('\n').flatMap((line, index) => (line.startsWith('## ') ? [[line.slice(3), index + 1] as const] : [])));
    // ... and a manuscript that calls a note it does not define, on its second line (a transform error).
    writeFileSync(path.join(root, 'manuscript', 'broken.md'), '---\ntitle: Broken\ndate: 2024\n---\n\nA paragraph that goes on\nand calls [^missing] here.\n');
    const run = runCli(['build', '--json', '--validate'], { cwd: root });
    expect(run.status).toBe(1);
    diagnostics = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string })
      .filter((event): event is DiagnosticEvent => event.type === 'diagnostic');
  });

  it('a transform error: at its line and column in the manuscript, with its rule', () => {
    expect(diagnostics).toContainEqual({
      type: 'diagnostic',
      document: 'manuscript/broken.md',
      file: 'manuscript/broken.md',
      line: 7,
      column: 11,
      severity: 'error',
      ruleId: 'note-undefined',
      source: 'avim-press',
      reason: 'Call to note "missing", but no such note is defined',
      url: 'docs/rules.md#note-undefined',
    });
  });

  it('a layout warning: at the line of the heading the page cut off', () => {
    const layout = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'layout-break');
    expect(layout.length).toBeGreaterThan(0);
    for (const warning of layout) {
      expect(warning).toMatchObject({ document: 'manuscript/headings.md', file: 'manuscript/headings.md', severity: 'warning', source: 'avim-press' });
      const heading = /The heading "(Section \d+)"/.exec(warning.reason)?.[1];
      expect(warning.line, warning.reason).toBe(headingLines.get(heading ?? ''));
      // Found on the laid-out pages, it carries its page (the review sheet marks it).
      expect(warning.page, warning.reason).toBe(Number(/is last on page (\d+),/.exec(warning.reason)?.[1]));
    }
  });

  it('a validator error: in the file inside the EPUB, at the line the validator names, under its own rule', () => {
    const validator = diagnostics.find((diagnostic) => diagnostic.source.startsWith('EPUBCheck') && diagnostic.ruleId === 'RSC-005');
    expect(validator).toMatchObject({ document: 'manuscript/headings.md', file: 'dist/headings.epub/OEBPS/content.opf', severity: 'error' });
    expect(validator!.line).toBeGreaterThan(1);
    expect(validator!.reason).toMatch(/dc:language/);
  });
});
