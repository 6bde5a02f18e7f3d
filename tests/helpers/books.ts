// The books the EPUB is tested on: the clean sample, the seed as received, a Turkish manuscript
// (tests/fixtures/turkish) and a long generated book (50 chapters, 500 notes).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateBook } from '../../bench/generate.js';
import { ROOT, SAMPLE, SEED, tempDir } from './cli.js';

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
