// Render a section template (EJS, in templates/sections) to hast. The templates are the designer's;
// every value they print is escaped by EJS, and HTML they receive (biographies) is already sanitised.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

const compiled = new Map<string, ejs.TemplateFunction>();

export function renderTemplate(file: string, data: Record<string, unknown>): string {
  let template = compiled.get(file);
  if (!template) {
    template = ejs.compile(readFileSync(file, 'utf8'), { filename: file, strict: false });
    compiled.set(file, template);
  }
  return template(data);
}

export function renderSectionTemplate(templatesDir: string, name: string, data: Record<string, unknown>): Root {
  const html = renderTemplate(path.join(templatesDir, 'sections', `${name}.ejs`), data);
  return fromHtml(html.trim(), { fragment: true });
}
