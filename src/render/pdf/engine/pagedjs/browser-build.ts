// Paged.js's browser build (dist/paged.js, which installs window.Paged), read once per process. Its
// package exports only its entry (src/index.js), so the file is found beside that.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGEDJS_BROWSER_BUILD = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagedjs'))), '..', 'dist', 'paged.js');

let source: string | undefined;

export function pagedjsSource(): string {
  return (source ??= readFileSync(PAGEDJS_BROWSER_BUILD, 'utf8'));
}
