// The configuration and the brand file are validated like front matter: located errors.
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { TEST_DATES } from '../helpers/publication.js';
import { loadProject } from '../../src/load/project.js';
import { buildPublication } from '../../src/publication/build-publication.js';
import { transformManuscript } from '../../src/transform/processor.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { PNG } from '../helpers/projects.js';
import { formatMessages } from '../helpers/transform.js';
import { FatalProblems } from '../../src/problems/problem.js';

function projectWith(files: Record<string, string>): string {
  const root = tempDir('avim-press-project-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** The error's text, with paths relative to the project, as a person in that folder sees them. */
function errorOf(root: string): string {
  try {
    loadProject(root);
  } catch (error) {
    if (!(error instanceof FatalProblems)) throw error;
    return formatMessages(error.file, root).join('\n');
  }
  throw new Error('expected an error');
}

describe('project configuration and brand file', () => {
  it('reports an unknown brand key with a suggestion', () => {
    const root = projectWith({
      'brand/avim.yaml':
        'name: X\nshortName: X\nemial: a@b.c\nfonts:\n  body: { family: Source Serif 4, package: source-serif, faces: [{ file: TTF/SourceSerif4-Regular.ttf }] }\n  heading: { family: Source Sans 3, package: source-sans, faces: [{ file: TTF/SourceSans3-Semibold.ttf }] }\n',
    });
    expect(errorOf(root)).toBe('brand/avim.yaml:3:1: error: Unknown key "emial"; did you mean "email"? (brand-unknown-key)');
  });

  it('reports an invalid brand value where it stands', () => {
    const root = projectWith({
      'brand/avim.yaml':
        'name: X\nshortName: X\nemail: not-an-address\nfonts:\n  body: { family: Source Serif 4, package: source-serif, faces: [{ file: TTF/SourceSerif4-Regular.ttf }] }\n  heading: { family: Source Sans 3, package: source-sans, faces: [{ file: TTF/SourceSans3-Semibold.ttf }] }\n',
    });
    expect(errorOf(root)).toMatch(/^brand\/avim\.yaml:3:8: error: "email" .*email.* \(brand-invalid\)$/);
  });

  it('reports a brand font file that its package does not have, at its key', () => {
    const root = projectWith({
      'brand/avim.yaml':
        'name: X\nshortName: X\nfonts:\n  body: { family: Source Serif 4, package: source-serif, faces: [{ file: TTF/SourceSerif4-Regular.ttf }] }\n  heading:\n    family: Source Sans 3\n    package: source-sans\n    faces:\n      - file: TTF/SourceSans3-Heavy.ttf\n',
    });
    expect(errorOf(root)).toBe('brand/avim.yaml:9:15: error: source-sans has no font file TTF/SourceSans3-Heavy.ttf: there is no such file (brand-invalid)');
  });

  it('reports a wrong config key', () => {
    const root = projectWith({ 'avim-press.config.yaml': 'brand: brand/avim.yaml\ndefaults:\n  pagesize: A5\n' });
    expect(errorOf(root)).toBe('avim-press.config.yaml:3:3: error: Unknown key "defaults.pagesize"; did you mean "pageSize"? (config-unknown-key)');
  });

  it('reports a locale label that leaves out the number it must show, at its line', () => {
    const root = projectWith({});
    cpSync(path.join(ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
    const file = path.join(root, 'templates', 'locales', 'tr.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((text) => text.startsWith('reviewPagesMarked:'));
    lines[line] = 'reviewPagesMarked: sayfalar işaretli';
    writeFileSync(file, lines.join('\n'));
    expect(errorOf(root)).toMatch(new RegExp(`^templates/locales/tr\\.yaml:${line + 1}:\\d+: error: .*\\{count\\}.* \\(locale-invalid\\)$`));
  });

  it('lets another publisher rebrand with a brand file of its own, without touching src/', async () => {
    const root = projectWith({
      'avim-press.config.yaml': 'brand: brand/other.yaml\n',
      'brand/other.yaml':
        'name: Other Institute\nshortName: OI\nemail: office@other.example\nfonts:\n  body: { family: Source Serif 4, package: source-serif, faces: [{ file: TTF/SourceSerif4-Regular.ttf }] }\n  heading: { family: Source Sans 3, package: source-sans, faces: [{ file: TTF/SourceSans3-Semibold.ttf }] }\n',
    });
    mkdirSync(path.join(root, 'manuscript', 'img'), { recursive: true });
    copyFileSync(path.join(ROOT, 'tests', 'fixtures', 'tr-analiz.md'), path.join(root, 'manuscript', 'tr.md'));
    writeFileSync(path.join(root, 'manuscript', 'img', 'me.png'), PNG);
    const project = loadProject(root);
    const file = new VFile({ path: path.join(root, 'manuscript', 'a.md'), value: '---\ntitle: T\nauthor:\n  name: A. Writer\n  bio: Writes.\n  photo: img/me.png\n---\n\nText.\n' });
    const body = await transformManuscript(file, { brand: project.brand, projectRoot: root, defaultLang: 'en', labels: project.labels });
    const publication = buildPublication(file, body, project, TEST_DATES);
    expect(file.messages).toEqual([]);
    const colophon = toHtml(publication.sections.at(-1)!.content);
    expect(colophon).toContain('Other Institute');
    expect(colophon).toContain('office@other.example');
    expect(colophon).not.toContain('AVİM');
    expect(toHtml(publication.sections.find((section) => section.kind === 'author')!.content)).toContain(`<img src="${path.join(root, 'manuscript', 'img', 'me.png')}" alt="A. Writer">`);
  });

  it('reports an author photo that is missing', async () => {
    const project = loadProject(ROOT);
    const file = new VFile({ path: path.join(ROOT, 'manuscript', 'x.md'), value: '---\ntitle: T\nauthor:\n  name: A\n  bio: B.\n  photo: nowhere.jpg\n---\n' });
    const body = await transformManuscript(file, { brand: project.brand, projectRoot: ROOT, defaultLang: 'en', labels: project.labels });
    buildPublication(file, body, project, TEST_DATES);
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual(['6:10 Image "nowhere.jpg" not found (looked for manuscript/nowhere.jpg)']);
  });
});

describe('problems inside a front-matter bio', () => {
  it('point at the manuscript’s own line', async () => {
    const project = loadProject(ROOT);
    const file = new VFile({ path: path.join(ROOT, 'manuscript', 'x.md'), value: '---\ntitle: T\nauthor:\n  name: A\n  bio: |\n    First paragraph.\n\n    ![x](gone.png)\n---\n\nText.\n' });
    const body = await transformManuscript(file, { brand: project.brand, projectRoot: ROOT, defaultLang: 'en', labels: project.labels });
    buildPublication(file, body, project, TEST_DATES);
    expect(file.messages.map((message) => `${message.line} ${message.reason}`)).toEqual(['8 Image "gone.png" not found (looked for manuscript/gone.png)']);
  });
});
