// After Chromium prints: the document information Chromium cannot set (author, subject, keywords,
// creator), an XMP packet with the language, the outline from the laid-out headings, the page labels
// from their folios, and dates and the file identifier derived from the inputs rather than the clock,
// so the same inputs give the same bytes. Vivliostyle CLI does much the same in its PDF
// post-processing, with pdf-lib.
import { createHash } from 'node:crypto';
import { PDFArray, PDFHexString, PDFName } from 'pdf-lib';
import type { Publication } from '../../publication/model.js';
import type { PageLabelRun } from './in-page-api.js';
import { mergePrinted } from './merge-printed.js';
import { writeOutline, type OutlineEntry } from './outline.js';
import { writePageLabels } from './page-labels.js';
import { xmpPacket } from './xmp.js';

export interface PostprocessInfo {
  producer: string;
  publisher: string;
  outline: OutlineEntry[];
  /** The printed folios' runs, for the page labels. */
  pageLabels: PageLabelRun[];
}

/** `printed`: Chromium's print, one PDF or a long publication's chunks in order (print-chunks.ts). */
export async function postprocessPdf(printed: Uint8Array[], publication: Publication, info: PostprocessInfo): Promise<{ bytes: Uint8Array; pages: number }> {
  const { metadata } = publication;
  const pdf = await mergePrinted(printed);
  const creator = `avim-press ${metadata.toolVersion}`;
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.authors.length > 0) pdf.setAuthor(metadata.authors.map((author) => author.name).join('; '));
  if (metadata.description) pdf.setSubject(metadata.description);
  // One string, comma-separated: pdf-lib joins a list with spaces, which loses "Central Asia".
  if (metadata.keywords.length > 0) pdf.setKeywords([metadata.keywords.join(', ')]);
  pdf.setCreator(creator);
  pdf.setProducer(info.producer);
  pdf.setCreationDate(metadata.modified);
  pdf.setModificationDate(metadata.modified);
  pdf.setLanguage(metadata.lang);
  writeOutline(pdf, info.outline);
  writePageLabels(pdf, info.pageLabels);

  // The file identifier (and the XMP document id): a digest of the finished file itself, saved once
  // with a blank identifier. Chromium's own bytes carry its clock's date, so they cannot be hashed.
  const xmpRef = pdf.context.nextRef();
  pdf.catalog.set(PDFName.of('Metadata'), xmpRef);
  const identify = (digest: string) => {
    const xmp = xmpPacket(metadata, {
      producer: info.producer,
      creatorTool: creator,
      publisher: info.publisher,
      documentId: `uuid:${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`,
    });
    pdf.context.assign(xmpRef, pdf.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' }));
    const id = PDFArray.withContext(pdf.context);
    id.push(PDFHexString.of(digest));
    id.push(PDFHexString.of(digest));
    pdf.context.trailerInfo.ID = id;
  };
  identify('0'.repeat(32));
  // pdf-lib yields to the event loop every 50 objects by default; nothing else runs meanwhile, and a
  // 400-page book's load and two saves took 1.8 s instead of 0.4 s (docs/speed.md). Same bytes.
  const draft = await pdf.save({ useObjectStreams: false, objectsPerTick: Infinity });
  identify(createHash('sha256').update(draft).digest('hex').slice(0, 32));
  return { bytes: await pdf.save({ useObjectStreams: false, objectsPerTick: Infinity }), pages: pdf.getPageCount() };
}
