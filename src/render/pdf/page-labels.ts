// The PDF's page labels (PDF 32000-1 §12.4.2, /PageLabels in the catalog): a viewer then names each page
// by the folio it prints, "vii" in the front matter, "1" from the body's first page, not by its place
// in the file. The runs come from the laid-out pages (in-page/folios.ts, findPageLabels).
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import type { FolioStyle, PageLabelRun } from './in-page-api.js';

const NUMBERING: Record<FolioStyle, string> = { decimal: 'D', 'lower-roman': 'r', 'upper-roman': 'R' };

/** Pages numbered 1, 2, 3 … from the first: what a viewer shows without labels. */
const isPlain = (runs: PageLabelRun[]) => runs.length === 1 && runs[0]!.page === 0 && runs[0]!.style === 'decimal' && runs[0]!.start === 1;

export function writePageLabels(pdf: PDFDocument, runs: PageLabelRun[]): void {
  // Runs past Chromium's last page (the engine and the print disagreeing, a warning of its own) are dropped.
  const inFile = runs.filter((run) => run.page < pdf.getPageCount());
  // An article numbered from 1 throughout gets no labels: a viewer's own numbers are the same, and its
  // bytes stay those it had before labels were written.
  if (inFile.length === 0 || isPlain(inFile)) return;
  const { context } = pdf;
  const nums: (PDFNumber | PDFDict)[] = [];
  for (const run of inFile) {
    // A PDF label's number starts at 1 or more; a count below that (a stylesheet's `counter-reset: page
    // -1`) is written without a number rather than as another one.
    const label: Record<string, PDFName | PDFNumber> = run.start >= 1 ? { S: PDFName.of(NUMBERING[run.style]) } : {};
    if (run.start > 1) label.St = PDFNumber.of(run.start);
    nums.push(PDFNumber.of(run.page), context.obj(label));
  }
  pdf.catalog.set(PDFName.of('PageLabels'), context.register(context.obj({ Nums: nums })));
}
