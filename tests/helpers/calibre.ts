// Calibre's ebook-convert (Debian's `calibre`, which .ci/run installs), the way KDP-bound books are
// checked by hand: the EPUB to AZW3, with everything it says kept; then the AZW3 back to an EPUB, to
// count the fonts the Kindle file really holds.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { tempDir } from './cli.js';

export function calibreAvailable(): boolean {
  return spawnSync('ebook-convert', ['--version']).status === 0;
}

// What ebook-convert prints while it works: progress and steps, never a complaint.
const PROGRESS = [
  /^\d+% /,
  /^InputFormatPlugin: /,
  /^on \//,
  /^(Parsing all content|Merging user specified metadata|Detecting structure|Flattening CSS and remapping font sizes|Removing fake margins|Cleaning up manifest|Trimming unused files from manifest|Creating AZW3 Output|Serializing resources|Splitting markup on page breaks and flow limits, if any)\.\.\.$|^Creating KF8 output$/,
  /^Source base font size is [\d.]+pt$/,
  /^Trimming 'OEBPS\/toc\.(xhtml|ncx)' from manifest$/,
  /^\tDetected chapter: /,
  /^\tSplit into \d+ parts$/,
  /^\t(Generating in-line ToC|Generating KF8 markup\.\.\.|Compressing markup\.\.\.|Creating indices\.\.\.)$/,
  /^(AZW3 output written to|Output saved to) /,
];

// What it says that is no fault of the EPUB: KF8 cuts the text into chunks of about 8 KB at elements
// that carry an `aid`, and Calibre, like Amazon's kindlegen, gives a table none; a longer table goes in
// as one chunk (skeleton.py, `step_into_tag`). Every row is still there (docs/validators.md), which
// `rows` lets a test check.
const HARMLESS = [/^Tag table has no aid and a too large chunk size\. Adding anyway\.$/];

export interface Conversion {
  /** Every line that is not progress: warnings, errors, anything unexpected. */
  complaints: string[];
  /** Font files in the AZW3, read back. */
  fonts: number;
  /** Table rows in the AZW3, read back. */
  rows: number;
  output: string;
}

/** Table rows in a document's markup. */
export const countRows = (html: string) => html.match(/<tr[\s>]/g)?.length ?? 0;

export async function convertToAzw3(epub: string): Promise<Conversion> {
  const dir = tempDir('avim-press-calibre-');
  const azw3 = path.join(dir, 'book.azw3');
  const run = spawnSync('ebook-convert', [epub, azw3], { encoding: 'utf8', timeout: 120_000 });
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`ebook-convert failed (${run.status}):\n${output}`);
  const complaints = output.split('\n').filter((line) => line.trim() && ![...PROGRESS, ...HARMLESS].some((pattern) => pattern.test(line)));
  const back = path.join(dir, 'back.epub');
  const reverse = spawnSync('ebook-convert', [azw3, back], { encoding: 'utf8', timeout: 120_000 });
  if (reverse.status !== 0) throw new Error(`ebook-convert could not read its AZW3 back:\n${reverse.stdout}${reverse.stderr}`);
  const zip = await JSZip.loadAsync(readFileSync(back));
  const fonts = Object.keys(zip.files).filter((name) => /\.(ttf|otf)$/i.test(name)).length;
  let rows = 0;
  for (const name of Object.keys(zip.files).filter((entry) => /\.x?html?$/i.test(entry))) rows += countRows(await zip.file(name)!.async('string'));
  return { complaints, fonts, rows, output };
}
