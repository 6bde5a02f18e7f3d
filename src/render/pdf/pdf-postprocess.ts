// After Chromium prints: the document information Chromium cannot set (author, subject, keywords,
// creator), dates and the file identifier derived from the publication rather than the clock, so the
// same inputs give the same bytes. Vivliostyle CLI does the same in its pdf-postprocess, with pdf-lib.
import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFHexString } from 'pdf-lib';
import type { Publication } from '../../publication/model.js';

export interface PostprocessInfo {
  producer: string;
}

export async function postprocessPdf(
  bytes: Uint8Array,
  publication: Publication,
  info: PostprocessInfo,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const { metadata } = publication;
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.authors.length > 0) pdf.setAuthor(metadata.authors.map((author) => author.name).join('; '));
  if (metadata.description) pdf.setSubject(metadata.description);
  if (metadata.keywords.length > 0) pdf.setKeywords(metadata.keywords);
  pdf.setCreator(`avim-press ${metadata.toolVersion}`);
  pdf.setProducer(info.producer);
  pdf.setCreationDate(metadata.modified);
  pdf.setModificationDate(metadata.modified);
  pdf.setLanguage(metadata.lang);
  // The file identifier: derived from the publication and its date, never random.
  const digest = createHash('sha256')
    .update(`${metadata.identifier}\n${metadata.modified.toISOString()}\n${metadata.toolVersion}`)
    .digest('hex')
    .slice(0, 32);
  const id = PDFArray.withContext(pdf.context);
  id.push(PDFHexString.of(digest));
  id.push(PDFHexString.of(digest));
  pdf.context.trailerInfo.ID = id;
  return { bytes: await pdf.save({ useObjectStreams: false }), pages: pdf.getPageCount() };
}
