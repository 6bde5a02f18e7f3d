// Read a manuscript into a VFile. Markdown (.md, .markdown) and plain-text exports (.txt) are accepted.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';

export const MANUSCRIPT_EXTENSIONS = ['.md', '.markdown', '.txt'];

export async function loadManuscript(filePath: string): Promise<VFile> {
  const absolute = path.resolve(filePath);
  const bytes = await readFile(absolute);
  const file = new VFile({ path: absolute });
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD') && !bytes.toString('latin1').includes('\uFFFD')) {
    // Report the first undecodable byte's line, so the editor can find it.
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    const message = file.message('The file is not valid UTF-8: save it as UTF-8', {
      place: { line, column: 1 },
      ruleId: 'encoding',
      source: 'avim-press',
    });
    message.fatal = true;
  }
  // A byte-order mark is not text.
  file.value = text.replace(/^\uFEFF/, '');
  return file;
}
