// The print page is a sandbox: a manuscript that tries to pull in a file outside the project or a
// network resource builds without it, with a warning, and nothing of it reaches the PDF. Checked twice:
// through the CLI (sanitiser and renderer together), and at the renderer alone with hostile HTML put
// straight into the model, as if the sanitiser had let it through.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { launchBrowser } from '../../src/render/browser.js';
import { renderPdf } from '../../src/render/pdf/render-pdf.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';
import { published } from '../helpers/publication.js';
import { PNG, tempProject } from '../helpers/projects.js';

const MARKER = 'SECRET-MARKER-7F3A';

/** Image XObjects in a PDF, not counting the soft masks (alpha channels) of others. */
async function imageCount(file: string): Promise<number> {
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const images = pdf.context.enumerateIndirectObjects().filter(([, object]) => object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
  const masks = new Set(images.map(([, object]) => String((object as PDFRawStream).dict.get(PDFName.of('SMask')))));
  return images.filter(([ref]) => !masks.has(String(ref))).length;
}

/** A project of its own (config and brand), with one image inside it; secrets in a folder beside it. */
function sandboxProject() {
  const base = tempDir('avim-press-sandbox-');
  const project = path.join(base, 'project');
  const outside = path.join(base, 'outside');
  tempProject({ root: project });
  mkdirSync(outside);
  writeFileSync(path.join(project, 'manuscript', 'inside.png'), PNG);
  writeFileSync(path.join(outside, 'secret.png'), PNG);
  writeFileSync(path.join(outside, 'secret.txt'), `${MARKER}\n`);
  writeFileSync(path.join(outside, 'secret.html'), `<p>${MARKER}</p>`);
  return { project, outside };
}

describe('the print sandbox', () => {
  let server: Server;
  let origin: string;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.setHeader('Content-Type', request.url?.endsWith('.css') ? 'text/css' : 'image/png');
      response.end(request.url?.endsWith('.css') ? `body::after { content: "${MARKER}"; }` : PNG);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  describe('a manuscript whose raw HTML and inline styles reach outside', () => {
    const { project, outside } = sandboxProject();
    const out = path.join(project, 'dist');
    let run: ReturnType<typeof runCli>;

    beforeAll(() => {
      const manuscript = [
        '---',
        'title: Reaching Out',
        '---',
        '',
        'Text before.',
        '',
        `<img src="${path.join(project, 'manuscript', 'inside.png')}" alt="the project's own image">`,
        '',
        `<img src="${path.join(outside, 'secret.png')}" alt="absolute path outside">`,
        '',
        `<img src="../../outside/secret.png" alt="relative path outside">`,
        '',
        `<img src="file://${path.join(outside, 'secret.png')}" alt="file URL">`,
        '',
        `<img src="${origin}/raw-image.png" alt="network image">`,
        '',
        `<iframe src="file://${path.join(outside, 'secret.txt')}"></iframe>`,
        '',
        `<object data="file://${path.join(outside, 'secret.html')}"></object>`,
        '',
        `<link rel="stylesheet" href="${origin}/link.css">`,
        '',
        `<style>@import url("${origin}/import.css"); body { background: url("file://${path.join(outside, 'secret.png')}") }</style>`,
        '',
        `<p style="background-image: url('${origin}/inline.png')">Styled paragraph.</p>`,
        '',
        `<span style="background: url(file://${path.join(outside, 'secret.png')})">Styled span.</span>`,
        '',
        `![markdown network image](${origin}/markdown.png)`,
        '',
        'Text after.',
        '',
      ].join('\n');
      writeFileSync(path.join(project, 'manuscript', 'reaching-out.md'), manuscript);
      run = runCli(['build', '--format', 'pdf'], { cwd: project });
    });

    it('builds, warning about each image it leaves out', () => {
      expect(run.status, run.stderr).toBe(0);
      const warnings = run.stderr.split('\n').filter((line) => line.includes('warning'));
      // The transform leaves out what it can see (images, scripts, frames, styles), the print page refuses the rest.
      expect(
        warnings.every((line) => /\((resource-blocked|image-outside|image-remote|unsafe-html)\)$/.test(line)),
        warnings.join('\n'),
      ).toBe(true);
      expect(run.stderr).toContain(path.join(outside, 'secret.png'));
      expect(run.stderr).toContain('../../outside/secret.png');
      expect(run.stderr).toContain(`${origin}/raw-image.png`);
      expect(run.stderr).toContain(`${origin}/markdown.png`);
    });

    it('made no request and put nothing from outside in the PDF, but kept the project’s own image', async () => {
      expect(hits).toEqual([]);
      const file = path.join(out, 'reaching-out.pdf');
      const text = (await readPdf(file)).pages.join('\n');
      expect(text).toContain('Text before.');
      expect(text).toContain('Styled paragraph.');
      expect(text).toContain('Text after.');
      expect(text).not.toContain(MARKER);
      expect(await imageCount(file)).toBe(1);
    });
  });

  describe('the renderer, given hostile HTML the sanitiser would have removed', () => {
    let browser: Browser;
    const { project: projectDir, outside } = sandboxProject();
    const project = loadProject(projectDir);

    beforeAll(async () => {
      browser = (await launchBrowser()).browser;
    });
    afterAll(() => browser?.close());

    async function renderWith(html: string) {
      const file = path.join(projectDir, 'manuscript', 'plain.md');
      writeFileSync(file, '---\ntitle: Plain\n---\n\nPlain text.\n');
      const { publication, file: vfile } = await published(file);
      const body = publication.sections.find((section) => section.kind === 'body')!;
      body.content.children.push(...(fromHtml(html, { fragment: true }).children as Element[]));
      const result = await renderPdf(publication, project, browser, vfile);
      // What the page asked for and was refused: a resource-blocked warning each, on the manuscript's file.
      const blocked = vfile.messages
        .filter((message) => message.ruleId === 'resource-blocked' && message.fatal === false && message.source === 'avim-press')
        .map((message) => /^The print page may not load (\S+); left out$/.exec(message.reason)?.[1]);
      return { ...result, blocked };
    }

    it('refuses and reports every request, runs no script, and prints none of it', async () => {
      const secret = (name: string) => `file://${path.join(outside, name)}`;
      const result = await renderWith(
        [
          `<iframe src="${secret('secret.txt')}"></iframe>`,
          `<object data="${secret('secret.html')}"></object>`,
          `<link rel="stylesheet" href="${origin}/link.css">`,
          `<style>@import url("${origin}/import.css"); body { background: url("${secret('secret.png')}"); }</style>`,
          `<div style="background-image: url('${origin}/inline.png')">Styled block.</div>`,
          `<svg width="10" height="10"><image href="${secret('secret.png')}" width="10" height="10"/></svg>`,
          `<script>document.body.append("SCRIPT RAN"); fetch("${origin}/script");</script>`,
          // Runs as soon as the element is in the page, unless the policy forbids it.
          `<details open ontoggle="document.querySelector('.pagedjs_page_content').append('HANDLER RAN'); fetch('${origin}/handler')">Details.</details>`,
        ].join('\n'),
      );
      expect(hits).toEqual([]);
      for (const url of [secret('secret.txt'), secret('secret.html'), secret('secret.png'), `${origin}/link.css`, `${origin}/import.css`, `${origin}/inline.png`]) {
        expect(result.blocked, url).toContain(url);
      }
      const file = path.join(tempDir(), 'hostile.pdf');
      writeFileSync(file, result.bytes);
      const text = (await readPdf(file)).pages.join('\n');
      expect(text).toContain('Styled block.');
      expect(text).not.toContain(MARKER);
      expect(text).not.toContain('RAN');
      expect(result.blocked.filter((url) => /handler|script/.test(url ?? ''))).toEqual([]);
    });

    it('refuses to print a page that navigated away', async () => {
      await expect(renderWith(`<meta http-equiv="refresh" content="0; url=${origin}/refresh">`)).rejects.toThrow();
      expect(hits).toEqual([]);
    });
  });
});
