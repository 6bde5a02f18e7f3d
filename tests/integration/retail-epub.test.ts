// What stores, converters and readers check in an EPUB, through the real CLI: covers a store takes,
// an identifier per edition, note calls a finger can tap, names from converted documents in name
// case, and a size a phone downloads in a moment.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer';
import { launchBrowser } from '../../src/render/browser.js';
import { bundlePageScript } from '../../src/render/pdf/build-page-scripts.js';
import { ROOT, runCli, SAMPLE, SEED, tempDir } from '../helpers/cli.js';
import { openEpub } from '../helpers/epub.js';
import { epubPages } from '../helpers/epub-in-browser.js';
import { pngOfSize, tempProject } from '../helpers/projects.js';
import { pdftotext } from '../helpers/poppler.js';
import type { ReadingProbesWindow } from '../helpers/reading-probes-api.js';

// page.evaluate callbacks run in the page, where the probes installed this.
declare const window: ReadingProbesWindow;

const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };

function project(files: Record<string, string | Buffer>): string {
  const root = tempProject({ prefix: 'avim-press-retail-' });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(root, 'manuscript', name), content);
  return root;
}

function build(root: string, name: string, args: string[] = []) {
  const run = runCli(['build', `manuscript/${name}`, '--out', 'dist', '--reporter', 'text', ...args], { cwd: root, env: EPOCH });
  return { ...run, lines: `${run.stdout}${run.stderr}`.split('\n').filter((line) => / (error|warning): /.test(line)) };
}

const article = (frontMatter: string) => `---\ntitle: A Cover Test\n${frontMatter}\n---\n\nText.\n`;

describe('covers a store takes', () => {
  it('refuses a cover under 1000 px on its short side, at the cover key, and writes nothing', () => {
    const root = project({ 'small.md': article('date: 2024-01-01\ncover: small.png'), 'small.png': pngOfSize(800, 1280) });
    const run = build(root, 'small.md');
    expect(run.status).toBe(1);
    expect(run.lines).toEqual(['manuscript/small.md:4:8: error: The cover is 800 × 1280 px; stores need at least 1000 px on the short side (1600 × 2560 is best) (cover-size)']);
    expect(existsSync(path.join(root, 'dist', 'small.epub'))).toBe(false);
    expect(existsSync(path.join(root, 'dist', 'small.pdf'))).toBe(false);
  });

  it('refuses a cover outside 1:1.3–1:1.8 (a square), and only warns under 1600 × 2560', () => {
    const root = project({
      'square.md': article('date: 2024-01-01\ncover: square.png'),
      'square.png': pngOfSize(1600, 1600),
      'fair.md': article('date: 2024-01-01\ncover: fair.png'),
      'fair.png': pngOfSize(1200, 1800),
    });
    const square = build(root, 'square.md', ['--format', 'epub']);
    expect(square.status).toBe(1);
    expect(square.lines.map((line) => line.replace(/: error: .*\((.+)\)$/, ' $1'))).toEqual(['manuscript/square.md:4:8 cover-size']);
    const fair = build(root, 'fair.md', ['--format', 'epub']);
    expect(fair.status).toBe(0);
    expect(fair.lines).toEqual(['manuscript/fair.md:4:8: warning: The cover is 1200 × 1800 px; 1600 × 2560 shows sharp on large screens (cover-small)']);
  });
});

describe('an identifier per edition', () => {
  it('gives the EPUB and the PDF their own ISBNs, each named in the colophon', async () => {
    const root = project({ 'two.md': article('date: 2024-01-01\nisbn:\n  epub: 978-0-306-40615-7\n  pdf: 978-3-16-148410-0') });
    const run = build(root, 'two.md');
    expect(run.status, run.stderr).toBe(0);
    expect(run.lines).toEqual([]);
    const { text } = await openEpub(path.join(root, 'dist', 'two.epub'));
    const opf = await text('OEBPS/content.opf');
    expect(opf).toContain('<dc:identifier id="pub-id">urn:isbn:9780306406157</dc:identifier>');
    // The print edition's ISBN is only the source of its page list, never its identifier.
    expect(opf).not.toMatch(/<dc:identifier[^>]*>[^<]*9783161484100/);
    expect(opf).toMatch(/<dc:source id="print-source">urn:isbn:9783161484100<\/dc:source>\s*<meta refines="#print-source" property="source-of">pagination<\/meta>/);
    const pdf = readFileSync(path.join(root, 'dist', 'two.pdf')).toString('latin1');
    expect(pdf).toContain('<dc:identifier>urn:isbn:9783161484100</dc:identifier>');
    const printed = pdftotext(path.join(root, 'dist', 'two.pdf')).join('\n');
    expect(printed).toMatch(/ISBN \(PDF\)\s+978-3-16-148410-0/);
    expect(printed).toMatch(/ISBN \(EPUB\)\s+978-0-306-40615-7/);
  });

  it('warns, at the isbn key, when one ISBN is given for both editions', () => {
    const root = project({ 'one.md': article('date: 2024-01-01\nisbn: 978-0-306-40615-7') });
    const run = build(root, 'one.md', ['--format', 'epub']);
    expect(run.status).toBe(0);
    expect(run.lines.map((line) => line.replace(/: warning: .*\((.+)\)$/, ' $1'))).toEqual(['manuscript/one.md:4:7 isbn-shared']);
  });

  it('without an ISBN, keeps its urn:uuid when the title changes', async () => {
    const identifier = async (title: string) => {
      const root = project({ 'stable.md': `---\ntitle: ${title}\ndate: 2024-01-01\n---\n\nText.\n` });
      expect(build(root, 'stable.md', ['--format', 'epub']).status).toBe(0);
      return /<dc:identifier id="pub-id">([^<]+)</.exec(await (await openEpub(path.join(root, 'dist', 'stable.epub'))).text('OEBPS/content.opf'))![1];
    };
    const first = await identifier('A First Title');
    expect(first).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(await identifier('A Corrected Title')).toBe(first);
  });
});

describe('the sample on a phone', () => {
  const out = tempDir();
  const epub = path.join(out, 'china-central-asia.epub');
  let browser: Browser;
  beforeAll(async () => {
    const run = runCli(['build', SAMPLE, '--out', out, '--format', 'epub', '--quiet'], { env: EPOCH });
    expect(run.status, run.stderr).toBe(0);
    ({ browser } = await launchBrowser());
  });
  afterAll(() => browser?.close());

  it('weighs at most 60 KB apart from its cover image, fonts included', async () => {
    const { bytes, zip } = await openEpub(epub);
    const cover = Object.values(zip.files).find((entry) => /images\/cover\./.test(entry.name))!;
    const coverBytes = (await cover.async('uint8array')).length; // stored, so its size in the zip
    expect(bytes.length - coverBytes).toBeLessThanOrEqual(60 * 1024);
  });

  it('gives each note call a tap target of at least 24 × 24 CSS px, raised once, without moving the line', async () => {
    const html = (await epubPages(epub)).get('OEBPS/body.xhtml')!;
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 390, height: 844 });
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(await bundlePageScript(path.join(ROOT, 'tests', 'in-page', 'reading-probes.ts')));
      const calls = await page.evaluate(() => window.avimPressReadingProbes.noteCalls());
      expect(calls.length).toBe(3);
      for (const call of calls) {
        expect(call.width).toBeGreaterThanOrEqual(24);
        expect(call.height).toBeGreaterThanOrEqual(24);
        // The <sup> raises it; the link itself adds no second raise.
        expect(call.inSup).toBe(true);
        expect(call.ownAlign).toBe('baseline');
      }
      // Neither the raise nor the padding opens a line: every line of a paragraph with a call is one line height below the last.
      const paragraphs = await page.evaluate(() => window.avimPressReadingProbes.linePitches());
      expect(paragraphs.length).toBeGreaterThan(0);
      for (const { pitches, lineHeight } of paragraphs) {
        expect(pitches.length).toBeGreaterThan(1);
        for (const pitch of pitches) expect(Math.abs(pitch - lineHeight)).toBeLessThanOrEqual(1);
      }
    } finally {
      await page.close();
    }
  });
});

describe('the drawn cover', () => {
  it('is drawn once per cover: a text change keeps it (from the project cache), a title change draws a new one', async () => {
    const root = project({ 'drawn.md': '---\ntitle: A Drawn Cover\ndate: 2024-01-01\n---\n\nFirst text.\n' });
    const covers = () => readdirSync(path.join(root, '.avim-press-cache', 'covers')).filter((name) => name.endsWith('.jpg'));
    const cover = async () => (await openEpub(path.join(root, 'dist', 'drawn.epub'))).zip.file('OEBPS/images/cover.jpg')!.async('nodebuffer');
    expect(build(root, 'drawn.md', ['--format', 'epub']).status).toBe(0);
    expect(covers()).toHaveLength(1);
    const first = await cover();
    writeFileSync(path.join(root, 'manuscript', 'drawn.md'), '---\ntitle: A Drawn Cover\ndate: 2024-01-01\n---\n\nSecond text.\n');
    expect(build(root, 'drawn.md', ['--format', 'epub']).status).toBe(0);
    expect(covers()).toHaveLength(1);
    expect((await cover()).equals(first)).toBe(true);
    writeFileSync(path.join(root, 'manuscript', 'drawn.md'), '---\ntitle: Another Drawn Cover\ndate: 2024-01-01\n---\n\nSecond text.\n');
    expect(build(root, 'drawn.md', ['--format', 'epub']).status).toBe(0);
    expect(covers()).toHaveLength(2);
    expect((await cover()).equals(first)).toBe(false);
  });
});

describe('a description a store can show', () => {
  it('leaves out, with a warning at its line, a description that only repeats the title', async () => {
    const root = project({ 'blurb.md': '---\ntitle: "China’s Role in Central Asia"\ndate: 2024-01-01\ndescription: CHINA\'S ROLE IN CENTRAL ASIA.\n---\n\nText.\n' });
    const run = build(root, 'blurb.md', ['--format', 'epub']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.lines.map((line) => line.replace(/: warning: .*\((.+)\)$/, ' $1'))).toEqual(['manuscript/blurb.md:4:14 description-title']);
    expect(await (await openEpub(path.join(root, 'dist', 'blurb.epub'))).text('OEBPS/content.opf')).not.toContain('<dc:description>');
  });
});

describe('names from a converted document', () => {
  it('puts the surname given in capitals (GÖKÇELİK) in name case in the metadata and on the title page', async () => {
    const out = tempDir();
    const run = runCli(['build', SEED, '--out', out, '--format', 'epub', '--quiet'], { env: EPOCH });
    expect(run.status, run.stderr).toBe(0);
    const { text } = await openEpub(path.join(out, 'avim-analysis-china-central-asia.epub'));
    const opf = await text('OEBPS/content.opf');
    expect(opf).toMatch(/<dc:creator[^>]*>Şevval Beste Gökçelik<\/dc:creator>/);
    expect(await text('OEBPS/title-page.xhtml')).toContain('Şevval Beste Gökçelik');
    expect(opf).not.toContain('GÖKÇELİK');
  });
});

describe('a conformance claim from facts (build --validate)', () => {
  it('claims EPUB Accessibility 1.1 – WCAG 2.1 AA once DAISY Ace finds no violation, naming Ace as the checker', async () => {
    const out = tempDir();
    const run = runCli(['build', SAMPLE, '--out', out, '--format', 'epub', '--validate'], { env: EPOCH });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/china-central-asia\.md:1:1: info: Claims EPUB Accessibility 1\.1 - WCAG 2\.1 Level AA, checked by DAISY Ace 1\.4\.6 \(0 violations\) \(accessibility-claim\)/);
    const opf = await (await openEpub(path.join(out, 'china-central-asia.epub'))).text('OEBPS/content.opf');
    expect(opf).toContain('<meta property="dcterms:conformsTo" id="conformance">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>');
    expect(opf).toContain('<meta property="a11y:certifiedBy" refines="#conformance">DAISY Ace 1.4.6</meta>');
  });

  it('makes no claim, and says why, while an image has no text alternative decided', async () => {
    const root = project({ 'pictured.md': '---\ntitle: Pictured\ndate: 2024-01-01\n---\n\nA map:\n\n<img src="map.png">\n', 'map.png': pngOfSize(40, 30) });
    const run = build(root, 'pictured.md', ['--format', 'epub', '--validate']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.lines).toContain('manuscript/pictured.md:1:1: warning: No conformance claim: DAISY Ace 1.4.6 found 1 violation: image-alt (critical) in body.xhtml (accessibility-claim)');
    const opf = await (await openEpub(path.join(root, 'dist', 'pictured.epub'))).text('OEBPS/content.opf');
    expect(opf).not.toContain('dcterms:conformsTo');
  });
});
