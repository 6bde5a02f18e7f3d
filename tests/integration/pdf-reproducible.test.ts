// Reproducible PDFs: the same inputs and SOURCE_DATE_EPOCH give the same bytes (Chromium stamps its
// own clock and Paged.js random ids into what it prints; neither may reach the file), whatever --jobs
// is (documents built at once share the browser and its pooled pages), and the EPUBs too.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateBook } from '../../bench/generate.js';
import { runCli, SAMPLE, tempDir } from '../helpers/cli.js';
import { pdfinfo } from '../helpers/poppler.js';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('reproducible PDF', () => {
  const book = path.join(tempDir(), 'book.md');
  writeFileSync(book, generateBook({ chapters: 3, notes: 40, paragraphsPerChapter: 8 }));

  const names = ['china-central-asia.pdf', 'book.pdf', 'china-central-asia.epub', 'book.epub'];
  let builds: { epoch: string; files: string[]; stderr: string; status: number | null }[];

  beforeAll(() => {
    const runs = [
      { epoch: '1700000000', jobs: '2' },
      { epoch: '1700000000', jobs: '1' },
      { epoch: '1600000000', jobs: '2' },
    ];
    builds = runs.map(({ epoch, jobs }) => {
      const out = tempDir();
      const run = runCli(['build', SAMPLE, book, '--out', out, '--jobs', jobs], { env: { SOURCE_DATE_EPOCH: epoch } });
      return { epoch, files: names.map((name) => path.join(out, name)), stderr: run.stderr, status: run.status };
    });
  });

  it('builds', () => {
    for (const build of builds) expect([build.status, build.stderr]).toEqual([0, '']);
  });

  it('gives byte-identical files for the same SOURCE_DATE_EPOCH, with two documents at once or one, dated from it', () => {
    const [first, second] = builds;
    expect(first!.files.map(sha256)).toEqual(second!.files.map(sha256));
    expect(pdfinfo(first!.files[0]!).CreationDate).toMatch(/Nov 14 22:13:20 2023/);
  });

  it('changes the dates and the file identifier with SOURCE_DATE_EPOCH', () => {
    const [first, , other] = builds;
    expect(sha256(other!.files[0]!)).not.toBe(sha256(first!.files[0]!));
    expect(pdfinfo(other!.files[0]!).CreationDate).toMatch(/Sep 13 12:26:40 2020/);
    expect(pdfinfo(other!.files[1]!).Pages).toBe(pdfinfo(first!.files[1]!).Pages);
  });
});
