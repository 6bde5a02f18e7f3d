// What is inside the EPUBs: package metadata, navigation and landmarks, notes that pop up and lead
// back, chapter files, images and cover, and byte-identical rebuilds.
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { longBook, TURKISH } from '../helpers/books.js';
import { loadProject } from '../../src/load/project.js';
import { allFaces, loadTypefaces } from '../../src/load/typefaces.js';
import { ROOT, runCli, SAMPLE, tempDir } from '../helpers/cli.js';
import { firstZipEntry } from '../helpers/epub.js';
import { elements, epubType, follow, readEpubContent, type EpubContent } from '../helpers/epub-content.js';

const EPOCH = '1700000000';
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function buildEpub(source: string, out = tempDir(), epoch = EPOCH): string {
  const run = runCli(['build', source, '--out', out, '--format', 'epub', '--quiet'], { env: { SOURCE_DATE_EPOCH: epoch } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return path.join(out, `${path.parse(source).name}.epub`);
}

const metas = (opf: string, property: string) => [...opf.matchAll(new RegExp(`<meta property="${property}">([^<]*)</meta>`, 'g'))].map((match) => match[1]);
const landmarks = (nav: string) => [...nav.matchAll(/<a epub:type="([^"]+)" href="([^"]+)"/g)].map((match) => `${match[1]} ${match[2]}`);

/** Every note call is a noteref that lands on its note, and the note links back to every call. */
function expectWorkingNotes(content: EpubContent, noteType: 'footnote' | 'endnote'): number {
  const calls = elements(content, (node) => node.tagName === 'a' && node.properties.role === 'doc-noteref');
  for (const { file, node } of calls) {
    expect(epubType(node)).toBe('noteref');
    const note = follow(content, file, String(node.properties.href));
    expect(note, `${file}: ${String(node.properties.href)}`).toBeDefined();
    expect(epubType(note!.node)).toBe(noteType);
    if (noteType === 'footnote') {
      expect(note!.node.tagName).toBe('aside');
      expect(note!.node.properties.role).toBe('doc-footnote');
    }
    const backlinks = elements({ ...content, spine: [{ file: note!.file, tree: { type: 'root', children: [note!.node] }, text: '' }] }, (link) => link.properties.role === 'doc-backlink');
    const back = backlinks.map((link) => follow(content, note!.file, String(link.node.properties.href)));
    expect(back.map((target) => target?.node.properties.id)).toContain(node.properties.id);
  }
  return calls.length;
}

describe('the EPUB of the sample', () => {
  let file: string;
  let content: EpubContent;
  beforeAll(async () => {
    file = buildEpub(SAMPLE);
    content = await readEpubContent(readFileSync(file));
  });

  it('has the package metadata a store reads', () => {
    const { opf } = content;
    expect(opf).toMatch(/<dc:identifier id="pub-id">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}<\/dc:identifier>/);
    expect(opf).toContain('<dc:title id="title">China’s Interaction with Central Asian Countries Is Increasing</dc:title>');
    expect(opf).toContain('<dc:creator id="creator-1">Şevval Beste Gökçelik</dc:creator>');
    expect(opf).toContain('<meta refines="#creator-1" property="role" scheme="marc:relators">aut</meta>');
    expect(opf).toContain('<dc:language>en</dc:language>');
    expect(opf).toContain('<dc:publisher>Center for Eurasian Studies (AVİM)</dc:publisher>');
    expect(opf).toContain('<dc:rights>© 2009–2023 Center for Eurasian Studies (AVİM). All rights reserved.</dc:rights>');
    expect(opf).toContain('<dc:date>2023-11-14</dc:date>');
    expect(opf).toMatch(/<dc:description>China has been steadily gaining strength/);
    expect([...opf.matchAll(/<dc:subject>/g)]).toHaveLength(10);
    expect(metas(opf, 'dcterms:modified')).toEqual(['2023-11-14T22:13:20Z']);
  });

  it('states accessibility metadata that fits a text-only book', () => {
    const { opf } = content;
    expect(metas(opf, 'schema:accessMode')).toEqual(['textual']);
    expect(metas(opf, 'schema:accessModeSufficient')).toEqual(['textual']);
    expect(metas(opf, 'schema:accessibilityFeature')).toEqual(['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability']);
    expect(metas(opf, 'schema:accessibilityHazard')).toEqual(['none']);
    expect(metas(opf, 'schema:accessibilitySummary')[0]).toMatch(/table of contents/);
    // No conformance claim that no checker made.
    expect(metas(opf, 'schema:accessibilitySummary')[0]).not.toMatch(/WCAG/);
    expect(metas(opf, 'dcterms:conformsTo')).toEqual([]);
  });

  it('holds its resources, all declared, mimetype first and stored', () => {
    expect(firstZipEntry(readFileSync(file))).toEqual({ name: 'mimetype', method: 0 });
    const declared = [...content.opf.matchAll(/ href="([^"]+)"/g)].map((match) => `OEBPS/${match[1]}`);
    const packaged = content.files.filter((name) => name !== 'mimetype' && !name.startsWith('META-INF/') && name !== 'OEBPS/content.opf');
    expect(packaged.sort()).toEqual([...declared].sort());
    // Only faces the text is set in, each once, as TrueType (what Kindle embeds): no mono face for a text without code.
    const fonts = content.files.filter((name) => name.startsWith('OEBPS/fonts/'));
    expect(fonts.length).toBeGreaterThan(1);
    expect(
      fonts.every((name) => name.endsWith('.ttf')),
      fonts.join(', '),
    ).toBe(true);
    expect(fonts.length).toBeLessThan(allFaces(loadTypefaces(loadProject(ROOT).brand)).length);
    expect(fonts).not.toContain('OEBPS/fonts/SourceCodePro-Regular.ttf');
    expect(content.opf).toMatch(/href="fonts\/SourceSerif4-Regular\.ttf" media-type="font\/ttf"/);
  });

  it('opens on a cover drawn by the browser, declared cover-image', async () => {
    expect(content.opf).toContain('<item id="img-cover" href="images/cover.jpg" media-type="image/jpeg" properties="cover-image" />');
    const zip = await JSZip.loadAsync(readFileSync(file));
    const size = imageSize(await zip.file('OEBPS/images/cover.jpg')!.async('uint8array'));
    expect([size.width, size.height]).toEqual([1600, 2560]);
    expect(content.spine[0]!.file).toBe('cover.xhtml');
    expect(content.spine[0]!.text).toContain('alt="Cover: China’s Interaction');
  });

  it('has contents and landmarks in the navigation document and an NCX', () => {
    expect(content.nav).toContain('<nav epub:type="toc" role="doc-toc"');
    expect(landmarks(content.nav)).toEqual(['cover cover.xhtml', 'titlepage title-page.xhtml', 'bodymatter body.xhtml', 'footnotes body.xhtml#fn-1', 'colophon colophon.xhtml']);
    expect([...content.ncx.matchAll(/<navPoint /g)]).toHaveLength(4);
    expect(content.spine.map((entry) => entry.file)).toEqual(['cover.xhtml', 'title-page.xhtml', 'body.xhtml', 'author.xhtml', 'colophon.xhtml']);
  });

  it('gives each note call a pop-up footnote in its file that leads back', () => {
    expect(expectWorkingNotes(content, 'footnote')).toBe(3);
    expect(elements(content, (node) => node.tagName === 'aside').every(({ file }) => file === 'body.xhtml')).toBe(true);
  });

  it('is byte-identical when built again with the same SOURCE_DATE_EPOCH, and differs with another', () => {
    expect(sha256(buildEpub(SAMPLE))).toBe(sha256(file));
    expect(sha256(buildEpub(SAMPLE, tempDir(), '1700086400'))).not.toBe(sha256(file));
  });
});

describe('the EPUB of the Turkish manuscript', () => {
  let file: string;
  let content: EpubContent;
  beforeAll(async () => {
    file = buildEpub(TURKISH);
    content = await readEpubContent(readFileSync(file));
  });

  it('takes its identifier from the ISBN and names series, date, editor and language', () => {
    const { opf } = content;
    expect(opf).toContain('<dc:identifier id="pub-id">urn:isbn:9786050000009</dc:identifier>');
    expect(opf).toContain('<meta refines="#pub-id" property="identifier-type" scheme="onix:codelist5">15</meta>');
    expect(opf).toContain('<dc:language>tr</dc:language>');
    expect(opf).toContain('<dc:date>2024-03-18</dc:date>');
    expect(opf).toContain('<meta property="belongs-to-collection" id="series">AVİM Analizleri</meta>');
    expect(opf).toContain('<meta refines="#series" property="group-position">7</meta>');
    expect(opf).toContain('<dc:creator id="creator-2">Çağrı Öğüt</dc:creator>');
    expect(opf).toContain('<meta refines="#creator-2" property="role" scheme="marc:relators">edt</meta>');
    expect(opf).toContain('<dc:publisher>Avrasya İncelemeleri Merkezi (AVİM)</dc:publisher>');
  });

  it('packages the front matter cover and the images under stable names, alt text as written', async () => {
    const zip = await JSZip.loadAsync(readFileSync(file));
    const fixture = (name: string) => readFileSync(path.join(path.dirname(TURKISH), name));
    expect(Buffer.from(await zip.file('OEBPS/images/cover.png')!.async('uint8array'))).toEqual(fixture('kapak.png'));
    expect(Buffer.from(await zip.file('OEBPS/images/harita.png')!.async('uint8array'))).toEqual(fixture('harita.png'));
    expect(content.opf).toContain('<item id="img-cover" href="images/cover.png" media-type="image/png" properties="cover-image" />');
    const images = elements(content, (node) => node.tagName === 'img').map(({ node }) => [node.properties.src, node.properties.alt]);
    expect(images).toEqual([
      ['images/cover.png', expect.stringMatching(/^Kapak: Orta Koridor/)],
      ['images/harita.png', 'Bakü–Tiflis–Kars hattının geçtiği bölgeyi gösteren şematik harita'],
      ['images/cizgi.png', ''],
    ]);
  });

  it('does not claim text alternatives while one image has none (no alt at all: nobody decided)', async () => {
    const dir = tempDir();
    cpSync(path.dirname(TURKISH), dir, { recursive: true });
    const manuscript = path.join(dir, 'orta-koridor.md');
    writeFileSync(manuscript, readFileSync(manuscript, 'utf8').replace('![](cizgi.png)', '<img src="cizgi.png">'));
    const { opf } = await readEpubContent(readFileSync(buildEpub(manuscript)));
    expect(metas(opf, 'schema:accessMode')).toEqual(['textual', 'visual']);
    expect(metas(opf, 'schema:accessModeSufficient')).toEqual(['textual,visual']);
    expect(metas(opf, 'schema:accessibilityFeature')).not.toContain('alternativeText');
    expect(metas(opf, 'schema:accessibilitySummary')[0]).toContain('Bazı görsellerin metin karşılığı yoktur.');
    expect(metas(opf, 'dcterms:conformsTo')).toEqual([]);
  });

  it('claims them once every informative image is described; alt="" marks a decorative one', () => {
    const { opf } = content;
    expect(metas(opf, 'schema:accessModeSufficient')).toEqual(['textual', 'textual,visual']);
    expect(metas(opf, 'schema:accessibilityFeature')).toContain('alternativeText');
    expect(metas(opf, 'dcterms:conformsTo')).toEqual([]);
  });

  it('gathers endnotes in their own file, each leading back to every call', () => {
    expect(landmarks(content.nav)).toEqual(['cover cover.xhtml', 'titlepage title-page.xhtml', 'toc contents.xhtml', 'bodymatter body.xhtml', 'endnotes notes.xhtml', 'colophon colophon.xhtml']);
    expect(expectWorkingNotes(content, 'endnote')).toBe(4);
    expect(content.nav).toContain('<a href="body.xhtml#bakütifliskars-demiryolu">Bakü–Tiflis–Kars Demiryolu</a>');
  });

  it('is byte-identical when built again', () => {
    expect(sha256(buildEpub(TURKISH))).toBe(sha256(file));
  });

  it("packages no image from outside the manuscript's and the project's folders", () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    cpSync(path.dirname(TURKISH), dir, { recursive: true });
    cpSync(path.join(path.dirname(TURKISH), 'kapak.png'), path.join(elsewhere, 'kapak.png'));
    const manuscript = path.join(dir, 'orta-koridor.md');
    writeFileSync(manuscript, readFileSync(manuscript, 'utf8').replace('cover: kapak.png', `cover: ${path.join(elsewhere, 'kapak.png')}`));
    const run = runCli(['build', manuscript, '--out', dir, '--format', 'epub']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/orta-koridor\.md:21:8: error: Image ".*kapak\.png" is outside the project \(image-outside\)/);
  });

  it('fails with a message when the front matter names a cover that is not there', () => {
    const dir = tempDir();
    cpSync(path.dirname(TURKISH), dir, { recursive: true });
    const manuscript = path.join(dir, 'orta-koridor.md');
    writeFileSync(manuscript, readFileSync(manuscript, 'utf8').replace('cover: kapak.png', 'cover: yok.png'));
    const run = runCli(['build', manuscript, '--out', dir, '--format', 'epub']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The cover image yok.png does not exist (cover-not-found)');
  });
});

describe('the EPUB of the long generated book', () => {
  let content: EpubContent;
  beforeAll(async () => {
    content = await readEpubContent(readFileSync(buildEpub(longBook())));
  });

  it('has one file per chapter, each a doc-chapter section listed in the contents', () => {
    const chapters = content.spine.filter((entry) => /^body-\d+\.xhtml$/.test(entry.file));
    expect(chapters.map((entry) => entry.file)).toEqual(Array.from({ length: 50 }, (_, index) => `body-${String(index + 1).padStart(2, '0')}.xhtml`));
    for (const chapter of chapters) expect(chapter.text).toContain('<section epub:type="chapter" role="doc-chapter" aria-labelledby="chapter-');
    expect([...content.nav.matchAll(/<a href="body-\d+\.xhtml">Chapter \d+: /g)]).toHaveLength(50);
    expect([...content.ncx.matchAll(/<content src="body-\d+\.xhtml" \/>/g)]).toHaveLength(50);
    expect(landmarks(content.nav)).toContain('bodymatter body-01.xhtml');
  });

  it('keeps all 500 notes working, each in the file of its call', () => {
    expect(expectWorkingNotes(content, 'footnote')).toBe(500);
    const notes = elements(content, (node) => node.tagName === 'aside');
    expect(notes).toHaveLength(500);
    for (const { file, node } of notes) expect(follow(content, file, `#${String(node.properties.id).replace('fn-', 'fnref-')}`)).toBeDefined();
  });
});
