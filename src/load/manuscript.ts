// Read a manuscript into a VFile. Markdown (.md, .markdown) and plain-text exports (.txt) are accepted.
// What is not text, or too large, is refused here with a located error, before any parse.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { problem } from '../problems/problem.js';
import { checkTextLimits, DEFAULT_LIMITS, type InputLimits } from './limits.js';

export const MANUSCRIPT_EXTENSIONS = ['.md', '.markdown', '.txt'];
/** The file that makes a folder a book (its metadata and chapter list, the keys of a book's front matter). */
export const BOOK_FILE = 'book.yaml';

export const isBookFile = (filePath: string): boolean => path.basename(filePath) === BOOK_FILE;

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

export async function loadManuscript(filePath: string, limits: InputLimits = DEFAULT_LIMITS): Promise<VFile> {
  const absolute = path.resolve(filePath);
  const bytes = await readFile(absolute);
  const file = new VFile({ path: absolute, value: '' });
  if (bytes.length > limits.maxBytes) {
    checkTextLimits(file, bytes.length, limits);
    return file;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    problem(file, 'The file is not valid UTF-8: save it as UTF-8', { ruleId: 'encoding', place: { line: lineOf(lossy, lossy.indexOf('\uFFFD')) } });
    return file;
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    problem(file, 'This is not a text file (it holds NUL bytes): save the manuscript as Markdown', { ruleId: 'encoding', place: { line: lineOf(text, nul) } });
    return file;
  }
  // A byte-order mark is not text; Windows line ends are read as they are (micromark takes CRLF).
  file.value = text.replace(/^\uFEFF/, '');
  const value = String(file.value);
  if (/^---\r?\n/.test(value) && !/^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(\r?\n|$)/.test(value)) {
    problem(file, 'The front matter is never closed: add a line `---` after it', { ruleId: 'frontmatter-unclosed', place: { line: 1 } });
    return file;
  }
  checkTextLimits(file, bytes.length, limits);
  // A book.yaml is read as the front matter of a manuscript with no text: one way to a book, two ways in.
  if (isBookFile(absolute)) {
    file.data.bookFile = true;
    file.value = `---\n${value}${value.endsWith('\n') ? '' : '\n'}---\n`;
  }
  return file;
}
