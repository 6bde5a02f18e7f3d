// Problems found on the laid-out pages point at the manuscript: each is a message on the manuscript's
// file at the line of the heading (or image) it concerns, with its rule, from avim-press. Checked
// through the real CLI and through the renderer with a real file. The layout warning is forced by a
// project's own print.css that lets a heading end a page (break-after: auto, where avim-press's
// stylesheet says avoid), so some heading is left last on its page, cut off from its text.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { launchBrowser } from '../../src/render/browser.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { PNG, tempProject } from '../helpers/projects.js';
import { published } from '../helpers/publication.js';

const SECTIONS = 30;
/** The manuscript line of section N's heading (front matter: 4 lines; each section: heading, blank, text, blank). */
const headingLine = (section: number) => 5 + 4 * (section - 1);
/** The image comes after the last section, where one more heading would be. */
const IMAGE_LINE = headingLine(SECTIONS + 1);

/** A project whose print.css lets headings end pages; a manuscript of sections of many lengths, then an image. */
function project() {
  const root = tempProject({ copy: ['styles'] });
  const css = path.join(root, 'styles', 'print.css');
  const print = readFileSync(css, 'utf8');
  expect(print).toContain('line-height: 1.2; break-after: avoid;');
  writeFileSync(css, print.replace('line-height: 1.2; break-after: avoid;', 'line-height: 1.2; break-after: auto;'));
  writeFileSync(path.join(root, 'manuscript', 'picture.png'), PNG);
  const sentences = (count: number, of: number) => Array.from({ length: count }, (_, index) => `Sentence ${index} of section ${of} goes on about the region and its cooperation.`).join(' ');
  const sections = Array.from({ length: SECTIONS }, (_, index) => `## Section ${index + 1} on a subject of some length\n\n${sentences(2 + ((index * 7) % 11), index)}\n`);
  const manuscript = path.join(root, 'manuscript', 'headings.md');
  writeFileSync(manuscript, ['---\ntitle: Headings\n---\n', ...sections, '![A picture](picture.png)\n'].join('\n'));
  expect(readFileSync(manuscript, 'utf8').split('\n')[headingLine(SECTIONS) - 1]).toBe(`## Section ${SECTIONS} on a subject of some length`);
  expect(readFileSync(manuscript, 'utf8').split('\n')[IMAGE_LINE - 1]).toBe('![A picture](picture.png)');
  return { root, manuscript };
}

/** The section a heading warning names. */
const sectionOf = (reason: string) => Number(/The heading "Section (\d+) on a subject of some length" is last on page \d+, cut off from its text/.exec(reason)?.[1]);

describe('layout problems at the manuscript’s lines', () => {
  describe('through the CLI', () => {
    const { root } = project();
    let run: ReturnType<typeof runCli>;
    beforeAll(() => {
      run = runCli(['build', '--format', 'pdf'], { cwd: root });
    });

    it('builds, warning at each heading’s own line that it is cut off from its text', () => {
      expect(run.status, run.stderr).toBe(0);
      const warnings = run.stderr.split('\n').filter(Boolean);
      expect(warnings.length).toBeGreaterThan(0);
      for (const warning of warnings) {
        const [, line, reason] = /^manuscript\/headings\.md:(\d+):1: warning: (.*) \(layout-break\)$/.exec(warning) ?? [];
        expect(Number(line), warning).toBe(headingLine(sectionOf(reason ?? '')));
      }
    });
  });

  describe('through the renderer, on the manuscript’s file', () => {
    it('puts each problem on the file at its line, with its rule and source', async () => {
      const { root, manuscript } = project();
      const { publication, file } = await published(manuscript);
      // An image the print may not load (outside the project), where the manuscript's image is.
      const outside = path.join(tempDir(), 'outside.png');
      writeFileSync(outside, PNG);
      visit(publication.sections.find((section) => section.kind === 'body')!.content, 'element', (node: Element) => {
        if (node.tagName === 'img') node.properties.src = outside;
      });
      const before = file.messages.length;
      const { browser } = await launchBrowser();
      try {
        await renderPdf(publication, loadProject(root), browser, file);
      } finally {
        await browser.close();
      }
      const messages = file.messages.slice(before);
      const breaks = messages.filter((message) => message.ruleId === 'layout-break');
      expect(breaks.length).toBeGreaterThan(0);
      for (const message of breaks) {
        expect([message.line, message.column, message.fatal, message.source, message.url]).toEqual([headingLine(sectionOf(message.reason)), 1, false, 'avim-press', 'docs/rules.md#layout-break']);
      }
      const blocked = messages.filter((message) => message.ruleId === 'resource-blocked');
      expect(blocked.map((message) => [message.line, message.column, message.fatal, message.source])).toEqual([[IMAGE_LINE, 1, false, 'avim-press']]);
      // The print inlines only the publication's assets (the transform resolved and checked them).
      expect(blocked[0]!.reason).toBe(`The print page may not load ${outside} (not a file of the publication); left out`);
      expect(messages.every((message) => message.ruleId === 'layout-break' || message.ruleId === 'resource-blocked')).toBe(true);
    });
  });
});
