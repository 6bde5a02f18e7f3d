// The books the EPUB is tested on: the clean sample, the seed as received, a Turkish manuscript
// (tests/fixtures/turkish) and a long generated book (50 chapters, 500 notes).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateBook } from '../../bench/generate.js';
import { ROOT, SAMPLE, SEED, tempDir } from './cli.js';
import { tempProject } from './projects.js';

export const TURKISH = path.join(ROOT, 'tests', 'fixtures', 'turkish', 'orta-koridor.md');

/** The long book, written to a fresh folder (the generator is deterministic). */
export function longBook(): string {
  const file = path.join(tempDir('avim-press-book-'), 'long-book.md');
  writeFileSync(file, generateBook());
  return file;
}

export const BOOKS = [
  { name: 'the clean sample', source: () => SAMPLE, slug: 'china-central-asia' },
  { name: 'the seed as received', source: () => SEED, slug: 'avim-analysis-china-central-asia' },
  { name: 'the Turkish manuscript', source: () => TURKISH, slug: 'orta-koridor' },
  { name: 'the long generated book', source: longBook, slug: 'long-book' },
];

/** A book of Markdown nobody here wrote for this test: the real-world corpus's pieces, each a chapter
 * (Turkish, tables, notes, code, links, images), laid out across parts. (Its Chinese piece waits for a CJK face.) */
export function corpusBook(): string {
  const root = tempProject();
  const corpus = path.join(ROOT, 'tests', 'corpus', 'real-world');
  const chapters = [
    'tr-anayasa-ve-istiklal-marsi.md',
    'gfm-tables.md',
    'footnotes-block-content.md',
    'classic-lists.md',
    'classic-code.md',
    'classic-links.md',
    'classic-markdown-basics.md',
    'classic-images.md',
  ];
  copyFileSync(path.join(corpus, 'corpus-figure.png'), path.join(root, 'manuscript', 'corpus-figure.png'));
  // Each piece's text under its title (a chapter's front matter takes fewer keys than an article's).
  for (const name of chapters) {
    const [, front = '', text = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(path.join(corpus, name), 'utf8')) ?? [];
    const title = /^title: ['"]?(.*?)['"]?$/m.exec(front)?.[1] ?? name;
    writeFileSync(path.join(root, 'manuscript', name), `---\ntitle: "${title.replace(/"/g, '\\"')}"\n---\n\n${text}`);
  }
  const book = path.join(root, 'manuscript', 'corpus-book.md');
  writeFileSync(book, ['---', 'title: A Book of the Corpus', 'type: Book', 'author:', '  name: avim-press tests', 'chapters:', ...chapters.map((name) => `  - ${name}`), '---', ''].join('\n'));
  return book;
}
