// Read a real PDF the way a reader would: text per page (pdf.js), fonts and metadata (pdf-lib).
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfFont {
  name: string;
  embedded: boolean;
}

/** A link annotation: to a place in the document (named destination and its page) or to a URL. */
export interface PdfLink {
  page: number;
  dest?: string;
  destPage?: number;
  url?: string;
}

export interface ParsedPdf {
  pages: string[];
  /** Every link, pages numbered from 1. */
  links: PdfLink[];
  info: Record<string, unknown>;
  outline: string[];
  fonts: PdfFont[];
}

export async function readPdf(file: string): Promise<ParsedPdf> {
  const data = new Uint8Array(readFileSync(file));
  const document = await getDocument({ data: data.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  const links: PdfLink[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    for (const annotation of (await page.getAnnotations()) as { subtype: string; dest?: unknown; url?: string }[]) {
      if (annotation.subtype !== 'Link') continue;
      if (typeof annotation.dest === 'string') {
        const target = await document.getDestination(annotation.dest);
        const destPage = target ? (await document.getPageIndex(target[0] as { num: number; gen: number })) + 1 : undefined;
        links.push({ page: number, dest: annotation.dest, ...(destPage ? { destPage } : {}) });
      } else if (annotation.url) links.push({ page: number, url: annotation.url });
    }
  }
  const { info } = await document.getMetadata();
  const outline: string[] = [];
  const walk = (items: { title: string; items: unknown[] }[] | null) => {
    for (const item of items ?? []) {
      outline.push(item.title);
      walk(item.items as { title: string; items: unknown[] }[]);
    }
  };
  walk(await document.getOutline());
  await document.destroy();
  return { pages, links, info: info as Record<string, unknown>, outline, fonts: fontsOf(await PDFDocument.load(data, { updateMetadata: false })) };
}

/** Every font dictionary in the file, with whether its program is embedded. */
function fontsOf(pdf: PDFDocument): PdfFont[] {
  const fonts: PdfFont[] = [];
  const lookup = (value: unknown) => (value instanceof PDFRef ? pdf.context.lookup(value) : value);
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Type0')) continue; // described by its descendant
    const descriptor = lookup(object.get(PDFName.of('FontDescriptor')));
    const embedded = descriptor instanceof PDFDict && ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.get(PDFName.of(key)) !== undefined);
    const name = String(object.get(PDFName.of('BaseFont')) ?? '').replace(/^\/([A-Z]{6}\+)?/, '');
    fonts.push({ name, embedded });
  }
  return fonts;
}

/** Each piece of text of each page with the name of the font it is set in (subset prefix removed),
 * pages numbered from 1 at index 0: to see which face really sets which characters. */
export async function pdfTextFonts(file: string): Promise<{ text: string; font: string }[][]> {
  const data = new Uint8Array(readFileSync(file));
  const document = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, fontExtraProperties: true }).promise;
  const pages: { text: string; font: string }[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    await page.getOperatorList(); // loads the page's fonts into commonObjs
    const content = await page.getTextContent();
    pages.push(
      content.items.flatMap((item) => {
        if (!('str' in item) || item.str.trim() === '') return [];
        const font = page.commonObjs.has(item.fontName) ? (page.commonObjs.get(item.fontName) as { name?: string }).name : undefined;
        return [{ text: item.str, font: (font ?? item.fontName).replace(/^[A-Z]{6}\+/, '') }];
      }),
    );
  }
  await document.destroy();
  return pages;
}
