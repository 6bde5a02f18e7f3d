// The print edition's HTML: the publication's sections in the document template, with the brand's
// fonts and every stylesheet inlined, so the page needs nothing but itself.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { Project } from '../../load/project.js';
import { localize } from '../../load/brand-schema.js';
import type { PageSize, Publication } from '../../publication/model.js';
import { renderTemplate } from '../../publication/section-template.js';
import { brandFonts, fontDataUrl, fontFaceCss } from '../fonts.js';

const PAGE_SIZES: Record<PageSize, string> = { A4: 'A4', A5: 'A5', B5: 'B5', Letter: 'letter', '6x9': '6in 9in' };

/** A string for CSS `content: "..."`. */
function cssString(value: string): string {
  return value.replace(/[\\"]/g, (character) => `\\${character}`).replace(/\n/g, ' ');
}

export function printHtml(publication: Publication, project: Project): string {
  const { metadata } = publication;
  const css = [fontFaceCss(brandFonts(project.brand), fontDataUrl), readFileSync(path.join(project.stylesDir, 'print.css'), 'utf8')].join('\n');
  return renderTemplate(path.join(project.templatesDir, 'pdf', 'document.ejs'), {
    meta: metadata,
    brand: project.brand,
    brandName: localize(project.brand.name, metadata.lang),
    labels: project.labels[metadata.lang],
    sections: publication.sections.map((section) => ({ kind: section.kind, id: section.id, html: toHtml(section.content) })),
    css,
    cssString,
    pageSize: PAGE_SIZES[metadata.pageSize],
  });
}
