// The designer's EJS templates (templates/ of the project, else avim-press's own), compiled once each.
// Every value a template prints is escaped by EJS; HTML it is given (a biography) is already safe.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';

export class Templates {
  private readonly compiled = new Map<string, ejs.TemplateFunction>();

  constructor(readonly dir: string) {}

  /** The path of a template, as `sections/title-page.ejs` names it. */
  file(name: string): string {
    return path.join(this.dir, name);
  }

  /** Render `name` (relative to the templates folder) with `data`. */
  render(name: string, data: ejs.Data): string {
    const file = this.file(name);
    let template = this.compiled.get(file);
    if (!template) {
      template = ejs.compile(readFileSync(file, 'utf8'), { filename: file, strict: false });
      this.compiled.set(file, template);
    }
    return template(data);
  }

  /** The template's text, for a library that compiles it itself (epub-gen-memory). */
  source(name: string): string {
    return readFileSync(this.file(name), 'utf8');
  }
}
