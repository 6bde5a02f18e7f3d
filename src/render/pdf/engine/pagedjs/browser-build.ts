// Paged.js's browser build (dist/paged.js, which installs window.Paged). Its package exports only its
// entry (src/index.js), so the file is found beside that. The print page is sent a smaller copy of it,
// made with the other page scripts (build-page-scripts.ts, LIBRARY_SCRIPTS).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGEDJS_BROWSER_BUILD = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagedjs'))), '..', 'dist', 'paged.js');
