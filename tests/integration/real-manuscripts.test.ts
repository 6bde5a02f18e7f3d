// What real manuscripts met (issue 12), each through the real CLI on a small manuscript in a project of
// its own: aligned tables, notes with block content, errors at their exact line and column, scripts
// beyond the Latin subsets, dates, the colophon's contact block, typography in titles, repeated ids in
// raw HTML, long URLs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import JSZip from 'jszip';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/render/browser.js';
import type { Diagnostic } from '../../src/problems/diagnostic.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { javaEpubcheck, javaEpubcheckAvailable, noteLinks, openEpub } from '../helpers/epub.js';
import { systemFontsInEpub } from '../helpers/epub-in-browser.js';
import { unicodesOf } from '../helpers/fonts.js';
import { pdfTextFonts, readPdf } from '../helpers/pdf.js';
import { pdffonts, pdfinfo, pdftotext, pdfWords } from '../helpers/poppler.js';
import { tempProject } from '../helpers/projects.js';

const JAVA = javaEpubcheckAvailable() || Boolean(process.env.CI);
/** Brand faces as font names in a PDF (SourceSerif4-Regular, SourceSans3ExtraLight-Regular ...). */
const BRAND_FONT = /^Source(Serif4|Sans3|CodePro)/;

interface Run {
  project: string;
  status: number | null;
  stdout: string;
  stderr: string;
  diagnostics: Diagnostic[];
  /** The artifacts' paths, absolute. */
  pdf: string;
  epub: string;
}

/** A project with `files` in manuscript/ (name → text), built by the real CLI with --json. */
function build(files: Record<string, string>, options: { args?: string[]; env?: NodeJS.ProcessEnv; project?: string } = {}): Run {
  const project = options.project ?? tempProject({ prefix: 'avim-press-real-' });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(project, 'manuscript', name), text);
  const run = runCli(['build', ...Object.keys(files).map((name) => `manuscript/${name}`), '--out', 'dist', '--json', ...(options.args ?? [])], { cwd: project, env: options.env ?? {} });
  const events = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { type: string } & Diagnostic);
  const slug = Object.keys(files)[0]!.replace(/\.md$/, '');
  return {
    project,
    ...run,
    diagnostics: events.filter((event) => event.type === 'diagnostic'),
    pdf: path.join(project, 'dist', `${slug}.pdf`),
    epub: path.join(project, 'dist', `${slug}.epub`),
  };
}

const problems = (run: Run, severity?: string) =>
  run.diagnostics
    .filter((diagnostic) => diagnostic.severity !== 'info' && (!severity || diagnostic.severity === severity))
    .map((diagnostic) => `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.reason.slice(0, 200)} (${diagnostic.ruleId})`);

/** Every content document of the EPUB, parsed, by file name inside OEBPS/. */
async function epubDocuments(epub: string): Promise<Map<string, ReturnType<typeof fromHtml>>> {
  const { zip } = await openEpub(epub);
  const documents = new Map<string, ReturnType<typeof fromHtml>>();
  for (const name of Object.keys(zip.files)
    .filter((entry) => entry.endsWith('.xhtml'))
    .sort())
    documents.set(name.replace(/^OEBPS\//, ''), fromHtml(await zip.file(name)!.async('string')));
  return documents;
}

async function epubCss(epub: string): Promise<string> {
  const { zip } = await openEpub(epub);
  let css = '';
  for (const name of Object.keys(zip.files).filter((entry) => entry.endsWith('.css'))) css += `${await zip.file(name)!.async('string')}\n`;
  return css;
}

function elementsOf(tree: ReturnType<typeof fromHtml>, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (test(node)) found.push(node);
  });
  return found;
}

const classes = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);
/** Text with all white space taken out, for comparing across line breaks. */
const tight = (text: string) => text.replace(/[\s\u00AD]+/g, '');

/** The 1-based line and column of the `nth` occurrence of `needle` in `text`. */
function locate(text: string, needle: string, nth = 0): { line: number; column: number } {
  let index = -1;
  for (let count = 0; count <= nth; count++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`"${needle}" is not in the manuscript`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const filler = (count: number, seed = 'trade') =>
  Array.from(
    { length: count },
    (_, index) =>
      `Paragraph ${index + 1} on ${seed}: the countries of the region have widened their cooperation in energy, transport and finance, and the figures of the last decade show how far the change has gone since the first agreements were signed.`,
  ).join('\n\n');

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('1. aligned tables', () => {
  const manuscript = [
    '---',
    'title: Aligned Tables',
    'date: 2024-01-01',
    '---',
    '',
    'Figures by country.',
    '',
    '| Country on the left | Share in the centre | Amount in billions of dollars |',
    '|:--|:-:|--:|',
    '| Lx | Cx | Rx |',
    '| Lxxxxxxxxxxxx | Cxxxxxxxxxxxx | Rxxxxxxxxxxxx |',
    '',
  ].join('\n');
  let run: Run;
  beforeAll(() => {
    run = build({ 'aligned.md': manuscript });
  });

  it('builds', () => {
    expect(run.status, problems(run).join('\n')).toBe(0);
  });

  it.runIf(JAVA)('gives an EPUB that passes EPUBCheck (Java) with 0 errors', () => {
    const result = javaEpubcheck(run.epub);
    expect(result.errors, result.output).toBe(0);
  });

  it('keeps the alignment in the EPUB as a class and a stylesheet rule, with no align attribute and no inline style', async () => {
    const body = [...(await epubDocuments(run.epub)).values()].find((tree) => elementsOf(tree, (node) => node.tagName === 'table').length > 0)!;
    const cells = elementsOf(body, (node) => node.tagName === 'td' || node.tagName === 'th');
    expect(cells.length).toBe(9);
    expect(
      cells
        .filter((cell) => cell.properties.align !== undefined || cell.properties.style !== undefined)
        .map((cell) => `<${cell.tagName} align=${String(cell.properties.align)} style=${String(cell.properties.style)}>${toString(cell)}`),
    ).toEqual([]);
    const css = (await epubCss(run.epub)).replace(/\s+/g, ' ');
    for (const [column, align] of [
      [0, 'left'],
      [1, 'center'],
      [2, 'right'],
    ] as const) {
      for (const cell of cells.filter((_, index) => index % 3 === column)) {
        const ruled = classes(cell).some((name) => new RegExp(`\\.${name}\\b[^{}]*\\{[^}]*text-align: ?${align}`).test(css));
        expect(ruled, `${toString(cell)}: class ${JSON.stringify(classes(cell))} with a rule "text-align: ${align}" in the EPUB's CSS`).toBe(true);
      }
    }
  });

  it('sets the columns in the PDF as aligned: right edges together on the right, centres in the centre', () => {
    const words = pdfWords(run.pdf).flatMap((page) => page.words);
    const word = (text: string) => words.find((candidate) => candidate.text === text)!;
    const [lx, lxx, cx, cxx, rx, rxx] = ['Lx', 'Lxxxxxxxxxxxx', 'Cx', 'Cxxxxxxxxxxxx', 'Rx', 'Rxxxxxxxxxxxx'].map(word);
    expect([lx, lxx, cx, cxx, rx, rxx].every(Boolean)).toBe(true);
    expect(Math.abs(lx!.xMin - lxx!.xMin), 'left column: left edges').toBeLessThan(1);
    expect(Math.abs((cx!.xMin + cx!.xMax) / 2 - (cxx!.xMin + cxx!.xMax) / 2), 'centre column: centres').toBeLessThan(1);
    expect(Math.abs(rx!.xMax - rxx!.xMax), 'right column: right edges').toBeLessThan(1);
    expect(rx!.xMin - rxx!.xMin, 'right column: the short value sits at the right').toBeGreaterThan(10);
  });

  it('build --validate passes it, saying EPUBCheck found 0 errors', () => {
    const validated = build({ 'aligned.md': manuscript }, { args: ['--validate', '--format', 'epub', '--reporter', 'text'] });
    expect(validated.status, validated.stderr).toBe(0);
    if (JAVA) expect(validated.stdout).toMatch(/aligned\.epub .*EPUBCheck 4\.2\.6: 0 errors/);
  });

  it('check reports an align attribute when an EPUB has one (RSC-005, EPUBCheck)', async () => {
    const built = build({ 'plain.md': '---\ntitle: Plain\ndate: 2024-01-01\n---\n\n| a | b |\n| - | - |\n| 1 | 2 |\n' }, { args: ['--format', 'epub'] });
    expect(built.status, built.stderr).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(built.epub));
    const name = Object.keys(zip.files).find((entry) => /body.*\.xhtml$/.test(entry))!;
    zip.file(name, (await zip.file(name)!.async('string')).replace('<td>', '<td align="right">'));
    zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' });
    const broken = path.join(tempDir(), 'aligned-by-attribute.epub');
    writeFileSync(broken, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const check = runCli(['check', broken]);
    if (!JAVA) return;
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/aligned-by-attribute\.epub\/OEBPS\/.*\.xhtml:\d+:\d+: error: .*"align".*\(RSC-005, EPUBCheck 4\.2\.6\)/);
  });

  it('says so when Java EPUBCheck is not there (validator-missing), in check and in build --validate', () => {
    const env = { EPUBCHECK_JAR: '/nonexistent' };
    const validated = build({ 'aligned.md': manuscript }, { args: ['--validate', '--format', 'epub'], env });
    expect(validated.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'validator-missing' && diagnostic.severity === 'warning').length, validated.stdout).toBeGreaterThan(0);
    const check = runCli(['check', path.join(run.project, 'dist', 'aligned.epub')], { env });
    expect(`${check.stdout}${check.stderr}`).toMatch(/warning: .*\(validator-missing\)/);
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('2. notes that end in a list, a block quote or code; notes of several paragraphs; a note with a table', () => {
  // Each note has marker words; each call sits in a sentence with a word of its own.
  const notes = {
    list: { call: 'Callalpha', markers: ['Introlist', 'Itemone', 'Itemtwo', 'Itemthree'] },
    quote: { call: 'Callbeta', markers: ['Introquote', 'Quotedwords', 'Quotedmore'] },
    code: { call: 'Callgamma', markers: ['Introcode', 'codeline_one', 'codeline_two'] },
    paragraphs: { call: 'Calldelta', markers: ['Firstgraf', 'Secondgraf', 'Thirdgraf'] },
    table: { call: 'Callepsilon', markers: ['Introtable', 'Cellone', 'Celltwo', 'Afterable'] },
  };
  const manuscript = [
    '---',
    'title: Notes with Block Content',
    'date: 2024-01-01',
    '---',
    '',
    `A sentence with Callalpha calls a note ending in a list.[^list] Callbeta calls one ending in a quote.[^quote]`,
    `Callgamma calls one ending in code.[^code] Calldelta calls one of three paragraphs.[^paragraphs] Callepsilon calls one with a table.[^table]`,
    '',
    '[^list]: Introlist, the sources:',
    '',
    '    - Itemone',
    '    - Itemtwo',
    '    - Itemthree',
    '',
    '[^quote]: Introquote, as the declaration says:',
    '',
    '    > Quotedwords of the declaration,',
    '    > and Quotedmore of it.',
    '',
    '[^code]: Introcode, the command:',
    '',
    '    ```',
    '    codeline_one',
    '    codeline_two',
    '    ```',
    '',
    '[^paragraphs]: Firstgraf of the note.',
    '',
    '    Secondgraf of the note.',
    '',
    '    Thirdgraf of the note.',
    '',
    '[^table]: Introtable, the figures:',
    '',
    '    | Year | Value |',
    '    | ---- | ----: |',
    '    | Cellone | 1 |',
    '    | Celltwo | 2 |',
    '',
    '    Afterable closes the note.',
    '',
  ].join('\n');
  let run: Run;
  beforeAll(() => {
    run = build({ 'block-notes.md': manuscript });
  });

  it('builds, with no dead link and no missing glyph reported', () => {
    expect(problems(run).filter((line) => /\((link-dead|glyph-missing)\)/.test(line))).toEqual([]);
    expect(run.status, problems(run).join('\n')).toBe(0);
  });

  it("has each note's whole content in the EPUB, in the note, with its back link", async () => {
    const documents = await epubDocuments(run.epub);
    const asides = [...documents.values()].flatMap((tree) => elementsOf(tree, (node) => node.properties.role === 'doc-footnote' || node.properties.role === 'doc-endnote'));
    for (const [label, note] of Object.entries(notes)) {
      const aside = asides.find((candidate) => toString(candidate).includes(note.markers[0]!));
      expect(aside, `the note "${label}"`).toBeDefined();
      for (const marker of note.markers) expect(toString(aside!), `note "${label}"`).toContain(marker);
    }
    const calls = await noteLinks(run.epub);
    expect(calls.length).toBe(5);
    expect(calls.filter((call) => !call.backlink)).toEqual([]);
  });

  it("has each note's whole content in the PDF, on the page of its call", () => {
    const pages = pdftotext(run.pdf);
    for (const [label, note] of Object.entries(notes)) {
      const page = pages.findIndex((text) => text.includes(note.call));
      expect(page, `the call of "${label}"`).toBeGreaterThan(-1);
      for (const marker of note.markers) expect(pages[page], `note "${label}", page ${page + 1}`).toContain(marker);
    }
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('3. errors at the exact line and column', () => {
  const manuscript = [
    '---',
    'title: Located Errors',
    'date: 2024-01-01',
    '---',
    '',
    'The first line of a paragraph that "runs" on,',
    "and its second line calls a note that isn't there[^nope-second] at all,",
    'while its third line -- after a dash -- calls[^nope-third] another.',
    '',
    '> A block quote whose first line is plain,',
    '> and whose second line calls a missing note[^nope-quote].',
    '',
    '- A list item whose first line is plain,',
    '  and whose second line calls[^nope-list] one too.',
    '',
    '1. A numbered item',
    '   > with a quote in it that calls[^nope-nested] a note.',
    '',
  ].join('\n');
  let run: Run;
  beforeAll(() => {
    run = build({ 'located.md': manuscript }, { args: ['--format', 'epub'] });
  });

  it('fails', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  for (const label of ['nope-second', 'nope-third', 'nope-quote', 'nope-list', 'nope-nested']) {
    it(`points at [^${label}] itself`, () => {
      const expected = locate(manuscript, `[^${label}]`);
      const found = run.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'note-undefined' && diagnostic.reason.includes(`"${label}"`));
      expect(found.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)).toEqual([`manuscript/located.md:${expected.line}:${expected.column}`]);
    });
  }
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('4. characters outside Latin: arrows, ≈, Greek, Cyrillic in the brand; symbols it lacks in the fallback', () => {
  const manuscript = [
    '---',
    'title: Sources in Cyrillic and Greek',
    'date: 2024-01-01',
    '---',
    '',
    'Trade rose from $44 billion → $70 billion (≈ 59 per cent), and → rose again by ≈ 20 per cent.',
    '',
    'See the map ☞ and the route ⟶ Baku, then ☞ the table and ⟶ Tbilisi.',
    '',
    'Moscow sees it otherwise.[^putin] The classics are cited too: Θουκυδίδης, Ιστορία του Πελοποννησιακού Πολέμου.',
    '',
    '[^putin]: Владимир Путин, «Об историческом единстве русских и украинцев», Президент России, 12 июля 2021.',
    '',
  ].join('\n');
  let epubOnly: Run;
  let both: Run;
  beforeAll(() => {
    epubOnly = build({ 'scripts.md': manuscript }, { args: ['--format', 'epub'] });
    both = build({ 'scripts.md': manuscript });
  });

  it('builds the EPUB alone, and both artifacts', () => {
    expect(epubOnly.status, problems(epubOnly).join('\n')).toBe(0);
    expect(both.status, problems(both).join('\n')).toBe(0);
  });

  it('warns once for each symbol no brand family has (☞ and ⟶, each used twice), at its first use, naming the fallback; not for →, ≈, Greek or Cyrillic', () => {
    for (const run of [epubOnly, both]) {
      const warnings = problems(run, 'warning');
      expect(
        warnings.filter((line) => line.includes('☞')),
        warnings.join('\n'),
      ).toEqual([
        `manuscript/scripts.md:8:13: warning: The character “☞” (U+261E) is not in Source Serif 4: it is set in the fallback face, DejaVu Sans; for the brand's own type, give the brand file a family that has it (glyph-fallback)`,
      ]);
      expect(warnings.filter((line) => line.includes('⟶')).length, warnings.join('\n')).toBe(1);
      expect(
        warnings.filter((line) => /[→≈\u0370-\u03FF\u0400-\u04FF]/.test(line)),
        'the brand sets →, ≈, Greek and Cyrillic',
      ).toEqual([]);
      expect(problems(run, 'error')).toEqual([]);
    }
  });

  it('embeds TrueType subsets that hold Greek and Cyrillic in the brand face and the symbols in the fallback, and a reader needs no system font', async () => {
    const { zip } = await openEpub(epubOnly.epub);
    const cmap = async (name: string) => {
      const file = zip.file(`OEBPS/fonts/${name}`);
      expect(file, `${name} in the EPUB`).not.toBeNull();
      return unicodesOf(await file!.async('uint8array'));
    };
    const serif = await cmap('SourceSerif4-Regular.ttf');
    for (const character of 'ПутинΘουκυδίδης→≈') expect(serif.has(character.codePointAt(0)!), `${character} in the Source Serif 4 subset`).toBe(true);
    expect(serif.size, 'a subset, not the whole face').toBeLessThan(200);
    const fallback = await cmap('DejaVuSans.ttf');
    for (const character of '☞⟶') expect(fallback.has(character.codePointAt(0)!), `${character} in the fallback subset`).toBe(true);
    const css = await epubCss(epubOnly.epub);
    expect(css).not.toContain('unicode-range');
    expect(css).toMatch(/font-family:\s*"Source Serif 4","DejaVu Sans",serif/);
    expect(await systemFontsInEpub(epubOnly.epub)).toEqual([]);
  });

  it("sets Greek and Cyrillic in the brand's faces in the PDF, and the symbols in an embedded face", async () => {
    const pieces = (await pdfTextFonts(both.pdf)).flat();
    const scripts = pieces.filter((piece) => /[\u0370-\u03FF\u0400-\u04FF→≈]/.test(piece.text));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((piece) => !BRAND_FONT.test(piece.font)).map((piece) => `${piece.text} in ${piece.font}`)).toEqual([]);
    expect(pieces.filter((piece) => /[☞⟶]/.test(piece.text)).map((piece) => piece.font.replace(/^[A-Z]{6}\+/, ''))).toContain('DejaVuSans');
    expect(pdffonts(both.pdf).filter((font) => !font.embedded)).toEqual([]);
    const text = pdftotext(both.pdf).join('\n');
    for (const expected of ['→', '≈', '☞', '⟶', 'Путин', 'Θουκυδίδης']) expect(text).toContain(expected);
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('5. dates from the manuscript, not the build clock', () => {
  const noClock = { SOURCE_DATE_EPOCH: undefined } as unknown as NodeJS.ProcessEnv;
  let project: string;
  beforeAll(() => {
    project = tempProject({ prefix: 'avim-press-dated-' });
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: project,
        env: {
          ...process.env,
          GIT_AUTHOR_DATE: '2021-05-06T12:00:00Z',
          GIT_COMMITTER_DATE: '2021-05-06T12:00:00Z',
          GIT_AUTHOR_NAME: 'Test',
          GIT_AUTHOR_EMAIL: 'test@example.org',
          GIT_COMMITTER_NAME: 'Test',
          GIT_COMMITTER_EMAIL: 'test@example.org',
        },
        stdio: 'ignore',
      });
    writeFileSync(path.join(project, 'manuscript', 'undated.md'), '---\ntitle: Undated\n---\n\nText.\n');
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'The manuscript');
  });

  const colophonText = async (epub: string) => {
    const documents = await epubDocuments(epub);
    return toString([...documents.entries()].find(([name]) => name.includes('colophon'))![1]);
  };

  it("takes the manuscript's last commit when the front matter has no date, and says so", async () => {
    const direct = runCli(['build', 'manuscript/undated.md', '--out', 'dist', '--json'], { cwd: project, env: noClock });
    expect(direct.status, direct.stderr).toBe(0);
    const diagnostics = direct.stdout.split('\n').filter((line) => line.includes('"date-source"'));
    expect(diagnostics.join('\n')).toMatch(/2021-05-06.*git commit/);
    const epub = path.join(project, 'dist', 'undated.epub');
    const { text } = await openEpub(epub);
    expect(await text('OEBPS/content.opf')).toMatch(/<dc:date>2021-05-06/);
    expect(await colophonText(epub)).toContain('© 2009–2021');
    expect(pdftotext(path.join(project, 'dist', 'undated.pdf')).join('\n')).toContain('© 2009–2021');
  });

  it("takes the front matter's date over the commit", async () => {
    const dated = path.join(project, 'manuscript', 'undated.md');
    writeFileSync(dated, '---\ntitle: Undated\ndate: 2019-03-04\n---\n\nText.\n');
    const run = runCli(['build', 'manuscript/undated.md', '--out', 'dist-dated', '--json'], { cwd: project, env: noClock });
    expect(run.status, run.stderr).toBe(0);
    const epub = path.join(project, 'dist-dated', 'undated.epub');
    const { text } = await openEpub(epub);
    expect(await text('OEBPS/content.opf')).toMatch(/<dc:date>2019-03-04/);
    expect(await colophonText(epub)).toContain('© 2009–2019');
    expect(pdftotext(path.join(project, 'dist-dated', 'undated.pdf')).join('\n')).toContain('© 2009–2019');
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe("6. the colophon's contact block", () => {
  let run: Run;
  beforeAll(() => {
    run = build({ 'contact.md': '---\ntitle: Contact Block\ndate: 2024-01-01\n---\n\nText.\n' });
  });

  /** The contact block's items, each with its label, as the brand (brand/avim.yaml) and en.yaml give them. */
  const ITEMS = [/Tel: \+90 \(312\) 438 50 23-24/, /Fax: \+90 \(312\) 438 50 26/, /E-mail: info@avim\.org\.tr/, /Web: (https?:\/\/)?avim\.org\.tr/];

  const check = (text: string, where: string) => {
    const flat = text.replace(/\s+/g, ' ');
    // No item runs into the next.
    expect(flat, `${where}: the handle runs into the next account`).not.toMatch(/@avimorgtr\S/);
    expect(flat, `${where}: telephone into fax`).not.toMatch(/23-24Fax/);
    expect(flat, `${where}: e-mail into web`).not.toMatch(/org\.trWeb/);
    for (const item of ITEMS) expect(flat, `${where}: ${item}`).toMatch(item);
    // Social accounts: under their label (en.yaml's \`social\`), each with its own.
    expect(flat, `${where}: the social accounts' label`).toMatch(/Social media/);
    expect(flat, `${where}: Facebook and its address`).toMatch(/Facebook\W+(https:\/\/)?www\.facebook\.com\/avasyaincelemelerimerkezi/);
  };

  it('labels and separates each item in the PDF', () => {
    expect(run.status, run.stderr).toBe(0);
    check(pdftotext(run.pdf).at(-1)!, 'PDF');
  });

  it('labels and separates each item in the EPUB', async () => {
    const documents = await epubDocuments(run.epub);
    check(toString([...documents.entries()].find(([name]) => name.includes('colophon'))![1]), 'EPUB');
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('7. typography in titles', () => {
  const cases = [
    { lang: 'en', title: `China's 'new' role in "Central Asia"`, expected: 'China’s ‘new’ role in “Central Asia”' },
    { lang: 'tr', title: `Çin'in 'yeni' rolü ve "Orta Asya"`, expected: 'Çin’in ‘yeni’ rolü ve “Orta Asya”' },
  ];
  for (const { lang, title, expected } of cases) {
    describe(lang, () => {
      let run: Run;
      beforeAll(() => {
        run = build({ [`title-${lang}.md`]: `---\ntitle: ${JSON.stringify(title)}\nlang: ${lang}\ndate: 2024-01-01\n---\n\n${filler(24)}\n` });
      });

      it('builds', () => {
        expect(run.status, run.stderr).toBe(0);
      });

      it('curls the quotes on the title page, in the running heads and the colophon of the PDF', () => {
        const pages = pdftotext(run.pdf).map(tight);
        expect(pages.length).toBeGreaterThan(3);
        expect(pages[0], 'title page').toContain(tight(expected));
        expect(pages.at(-1), 'colophon').toContain(tight(expected));
        // Running heads: on pages between the title page and the colophon.
        expect(pages.slice(1, -1).filter((page) => page.includes(tight(expected))).length, 'running heads').toBeGreaterThan(0);
        for (const [index, page] of pages.entries()) expect(page, `page ${index + 1}`).not.toContain(tight(title));
      });

      it("curls them in the PDF's Title", () => {
        expect(pdfinfo(run.pdf).Title).toBe(expected);
      });

      it("curls them in the EPUB's dc:title, navigation, title page and colophon", async () => {
        const { text } = await openEpub(run.epub);
        const opf = await text('OEBPS/content.opf');
        expect(/<dc:title[^>]*>([^<]*)<\/dc:title>/.exec(opf)?.[1]).toBe(expected);
        expect(toString(fromHtml(await text('OEBPS/toc.xhtml')))).toContain(expected);
        const documents = await epubDocuments(run.epub);
        for (const part of ['title-page', 'colophon']) {
          const found = [...documents.entries()].find(([name]) => name.includes(part));
          expect(toString(found![1]), part).toContain(expected);
        }
      });
    });
  }
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('8. the same id twice in raw HTML', () => {
  const manuscript = [
    '---',
    'title: Repeated Ids',
    'date: 2024-01-01',
    '---',
    '',
    'Before the rules.',
    '',
    '<hr id="bar">',
    '',
    'Between the rules.',
    '',
    '<hr id="bar">',
    '',
    'After the rules.',
    '',
  ].join('\n');
  let run: Run;
  beforeAll(() => {
    run = build({ 'ids.md': manuscript });
  });

  it('builds', () => {
    expect(run.status, problems(run).join('\n')).toBe(0);
  });

  it('warns at the second one (id-duplicate)', () => {
    const second = locate(manuscript, '<hr id="bar">', 1);
    const found = run.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'id-duplicate');
    expect(found.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity}`)).toEqual([`manuscript/ids.md:${second.line}:${second.column} warning`]);
  });

  it('keeps the id on the first, and takes it off the second', async () => {
    const documents = await epubDocuments(run.epub);
    const rules = [...documents.values()].flatMap((tree) => elementsOf(tree, (node) => node.tagName === 'hr'));
    expect(rules.map((rule) => rule.properties.id ?? null)).toEqual(['bar', null]);
  });
});

// ───────────────────────────────────────────────────────────────────────────────────────────────
describe('9. long URLs in running text', () => {
  const url = 'https://avim.org.tr/en/Analiz/CHINA-S-INTERACTION-WITH-CENTRAL-ASIAN-COUNTRIES-IS-INCREASING-AND-THE-ADDRESS-GOES-ON-WITHOUT-A-SPACE-0123456789';
  const bare = 'https://example.org/reports/2023/central-asia/energy/Kazakhstan_Uzbekistan_Kyrgyzstan_Tajikistan_Turkmenistan_annual_figures_full.pdf';
  const manuscript = [
    '---',
    'title: Long Addresses',
    'date: 2024-01-01',
    '---',
    '',
    filler(2),
    '',
    `The analysis is at ${url} and the figures at <${bare}>, both read in May 2023.`,
    '',
    `The same analysis as a link: [${url}](${url}).`,
    '',
    filler(2, 'energy'),
    '',
  ].join('\n');
  let run: Run;
  /** The EPUB on its own (--format epub): what it shows does not hang on the PDF's layout. */
  let epubOnly: Run;
  let dir: string;
  beforeAll(async () => {
    run = build({ 'urls.md': manuscript });
    epubOnly = build({ 'urls.md': manuscript }, { args: ['--format', 'epub'] });
    dir = tempDir('avim-press-urls-epub-');
    if (!existsSync(epubOnly.epub)) return; // 'builds' says why
    const zip = await JSZip.loadAsync(readFileSync(epubOnly.epub));
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), await entry.async('nodebuffer'));
    }
  });

  it('builds the EPUB alone, and both artifacts', () => {
    expect(epubOnly.status, problems(epubOnly).join('\n')).toBe(0);
    expect(run.status, problems(run).join('\n')).toBe(0);
  });

  describe('in the EPUB at a 390 px wide viewport', () => {
    let browser: Awaited<ReturnType<typeof launchBrowser>>['browser'];
    beforeAll(async () => {
      browser = (await launchBrowser()).browser;
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('nothing is wider than the viewport', async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 390, height: 844 });
      const body = readFileSync(path.join(dir, 'OEBPS', 'content.opf'), 'utf8');
      const file = /href="([^"]*body[^"]*\.xhtml)"/.exec(body)![1]!;
      await page.goto(`file://${path.join(dir, 'OEBPS', file)}`, { waitUntil: 'load' });
      // In the page (as text: the tests' TypeScript has no DOM types).
      await page.evaluate('document.fonts.ready');
      const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
      const wide = (await page.evaluate(
        "Array.from(document.querySelectorAll('body *')).filter((element) => element.getBoundingClientRect().right > 390.5).map((element) => `<${element.tagName.toLowerCase()}> ${element.textContent.slice(0, 60)}`)",
      )) as string[];
      await page.close();
      expect(wide.slice(0, 5)).toEqual([]);
      expect(width).toBeLessThanOrEqual(390);
    });
  });

  it('the URL stays whole in the EPUB text: no inserted character', async () => {
    const documents = await epubDocuments(epubOnly.epub);
    const text = [...documents.values()].map((tree) => toString(tree)).join('\n');
    expect(text).toContain(url);
    expect(text).toContain(bare);
    expect(text).not.toMatch(/[\u00AD\u200B\u2060\uFEFF]/);
  });

  it('in the PDF, no word runs past the right edge of the text block, and the copied text is the URL', async () => {
    const pages = pdfWords(run.pdf);
    // The text block's right edge: where the filler paragraphs' lines end.
    const plain = pages.flatMap((page) => page.words.filter((word) => /^(Paragraph|countries|cooperation|energy,|transport|finance,|figures|decade|change|agreements|signed\.)$/.test(word.text)));
    const edge = Math.max(...plain.map((word) => word.xMax));
    const over = pages.flatMap((page, index) =>
      page.words.filter((word) => word.xMax > edge + 1).map((word) => `page ${index + 1}: ${word.text.slice(0, 50)} ends at ${word.xMax.toFixed(1)} > ${edge.toFixed(1)}`),
    );
    expect(over).toEqual([]);
    // The text as a reader's copy gets it (pdf.js; pdftotext would drop a hyphen that ends a line,
    // taking it for a hyphenation).
    const text = (await readPdf(run.pdf)).pages.join('').replace(/\s+/g, '');
    expect(text).toContain(url);
    expect(text).toContain(bare);
  });
});
