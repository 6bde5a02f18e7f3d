// The brand's fonts set every character, Turkish included; text that would fall back to a system font
// fails the build, naming the text and the characters the brand's fonts lack.
import { appendFileSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { loadProject } from '../../src/load/project.js';
import { FatalProblems } from '../../src/problems/problem.js';
import type { Publication } from '../../src/publication/model.js';
import { launchBrowser } from '../../src/render/browser.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { published } from '../helpers/publication.js';
import { readPdf } from '../helpers/pdf.js';
import { pdffonts } from '../helpers/poppler.js';
import { tempProject } from '../helpers/projects.js';

const TURKISH = 'ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ abcçdefgğhıijklmnoöprsştuüvyz';

function manuscript(name: string, text: string): string {
  const file = path.join(tempDir(), `${name}.md`);
  writeFileSync(file, text);
  return file;
}

describe('fonts', () => {
  // One browser for the prints below, as a build has.
  let browser: Browser;
  beforeAll(async () => {
    browser = (await launchBrowser()).browser;
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The print of `publication` with the project at `root` fails: the system fonts it found, as messages on the file. */
  async function systemFontsFound(publication: Publication, file: VFile, root = ROOT): Promise<VFileMessage[]> {
    await expect(renderPdf(publication, loadProject(root), browser, file)).rejects.toBeInstanceOf(FatalProblems);
    return file.messages.filter((message) => message.ruleId === 'font-fallback');
  }

  it('sets the whole Turkish alphabet, in every style, in the brand’s fonts', async () => {
    const out = tempDir();
    const file = manuscript(
      'alfabe',
      `---\ntitle: "Türkçe: ${TURKISH}"\nlang: tr\nauthor: İlker Öztürk\n---\n\n## Başlık ${TURKISH}\n\n${TURKISH}. *${TURKISH}.* **${TURKISH}.** ***${TURKISH}.***[^n]\n\n[^n]: Dipnot ${TURKISH}.\n`,
    );
    const run = runCli(['build', file, '--out', out, '--format', 'pdf']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const pdf = await readPdf(path.join(out, 'alfabe.pdf'));
    const text = pdf.pages.join('\n');
    for (const letter of 'ÇĞIİÖŞÜçğıiöşü') expect(text, letter).toContain(letter);
    for (const font of pdffonts(path.join(out, 'alfabe.pdf'))) expect(font.name.replace(/^[A-Z]{6}\+/, '')).toMatch(/^(SourceSerif4|SourceSans3)/);
  });

  it('refuses, at its line and column, a character the brand’s fonts cannot set', () => {
    const out = tempDir();
    const file = manuscript('fallback', '---\ntitle: Fallback\n---\n\nThe capital is 北京, far away.[^n]\n\n[^n]: In Greek: αβγ; in Chinese: 中国.\n');
    const run = runCli(['build', file, '--out', out, '--format', 'pdf']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/fallback\.md:5:16: error: The character “北” \(U\+5317\) is in none of the brand’s typefaces \(Source Serif 4, nor the fallback DejaVu Sans\).* \(glyph-missing\)/);
    expect(run.stderr).toMatch(/fallback\.md:7:34: error: The character “中” \(U\+4E2D\) .* \(glyph-missing\)/);
    // Greek is in the brand's faces.
    expect(run.stderr).not.toContain('α');
    expect(existsSync(path.join(out, 'fallback.pdf'))).toBe(false);
  });

  it('fails the print, naming the text and its line, when any text the transform could not see would be set in a system font', async () => {
    // Text that reaches the page some other way (a template, say), put straight into the model: into
    // the manuscript's paragraph on line 7.
    const source = manuscript('plain', '---\ntitle: Plain\n---\n\n## Heading\n\nPlain text.\n');
    const { publication, file } = await published(source);
    const body = publication.sections.find((section) => section.kind === 'body')!;
    let paragraph: Element | undefined;
    visit(body.content, 'element', (node: Element) => {
      if (node.tagName === 'p' && node.position?.start.line === 7) paragraph = node;
    });
    paragraph!.children.push({ type: 'text', value: ' The capital is 北京. In Greek: αβγ.' });
    const error = await renderPdf(publication, loadProject(ROOT), browser, file).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(FatalProblems);
    const messages = file.messages.filter((message) => message.ruleId === 'font-fallback');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.map((message) => message.reason).join('\n')).toMatch(/北 U\+5317, 京 U\+4EAC/);
    // Greek is in the brand's faces: not named among what they lack.
    expect(messages.map((message) => message.reason).join('\n')).toMatch(/have no 北 U\+5317, 京 U\+4EAC;/);
    for (const message of messages) expect([message.line, message.column, message.fatal, message.source]).toEqual([7, 1, true, 'avim-press']);
    expect((error as FatalProblems).messages).toEqual(messages);
  });

  it('asks about each computed font once per character: a system font is named at its first use in each font', async () => {
    // Only elements bringing a character new to their computed font are asked about (speed: a book has
    // some 20 000 text-bearing elements). The same characters in another font are asked about again.
    const source = manuscript('twice', '---\ntitle: Twice\n---\n\n## Heading\n\nPlain text.\n\nPlain text.\n');
    const { publication, file } = await published(source);
    const body = publication.sections.find((section) => section.kind === 'body')!;
    visit(body.content, 'element', (node: Element) => {
      if (['h2', 'p'].includes(node.tagName) && node.position) node.children.push({ type: 'text', value: ' 北京' });
    });
    const lines = (await systemFontsFound(publication, file)).map((message) => message.line);
    // The heading (heading face) and the first paragraph (body face); the second paragraph is set like the first.
    expect(lines.sort()).toEqual([5, 7]);
  });

  it('fails the print when generated content would be set in a system font: a running head, a designer’s ::before', async () => {
    // Only some elements are asked about (in-page/mark-font-probes.ts): those with generated content
    // must be among them, in the page's margin boxes as in its text.
    const root = tempProject({ copy: ['styles', 'templates'] });
    appendFileSync(path.join(root, 'styles', 'print.css'), '\nblockquote::before { content: "»"; font-family: monospace; }\n');
    const document = path.join(root, 'templates', 'pdf', 'document.ejs');
    const template = readFileSync(document, 'utf8');
    writeFileSync(document, template.replace(/(@page body:left \{ @top-left \{ content: [^;]+;)/g, '$1 font-family: monospace;'));
    expect(readFileSync(document, 'utf8')).not.toBe(template);
    const paragraphs = Array.from({ length: 12 }, (_, index) => `Paragraph ${index + 1} of plain text, long enough to fill a few lines of a page. `.repeat(6)).join('\n\n');
    const source = manuscript('generated', `---\ntitle: Generated\n---\n\n## Heading\n\n> A quotation.\n\n${paragraphs}\n`);
    const { publication, file } = await published(source);
    const found = (await systemFontsFound(publication, file, root)).map((message) => `${message.line}: ${message.reason}`);
    expect(found).toContainEqual(expect.stringMatching(/^7: "::before" is set in a system font/));
    expect(found).toContainEqual(expect.stringMatching(/"::after" in a running head or folio is set in a system font/));
  });

  it('fails the print when a list’s markers would be set in a system font, in public Markdown’s lists', async () => {
    // The real-world corpus's lists (tests/corpus/SOURCES.md), with a designer's marker style.
    const root = tempProject({ copy: ['styles'] });
    appendFileSync(path.join(root, 'styles', 'print.css'), '\nli::marker { font-family: monospace; }\n');
    const source = path.join(root, 'manuscript', 'classic-lists.md');
    copyFileSync(path.join(ROOT, 'tests', 'corpus', 'real-world', 'classic-lists.md'), source);
    const { publication, file } = await published(source);
    const found = (await systemFontsFound(publication, file, root)).map((message) => `${message.line}: ${message.reason}`);
    // The first list item of the file, on its line 9.
    expect(found).toContainEqual(expect.stringMatching(/^9: "::marker" is set in a system font/));
  });
});
