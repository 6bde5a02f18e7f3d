// Build the code that runs inside the print page (a program of its own, with DOM types:
// tsconfig.in-page.json) into one browser script per global it installs, with esbuild. `npm run
// compile` runs this file to write them into lib/; tests, which run src/ directly, get them from
// page-scripts.ts, which calls buildPageScripts() in memory.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, transform } from 'esbuild';
import { PACKAGE_ROOT } from '../../load/project.js';
import { PAGEDJS_BROWSER_BUILD } from './engine/pagedjs/browser-build.js';

/** Each page script and its entry, under src/render. */
export const PAGE_SCRIPTS = {
  // The engine-neutral checks: window.avimPressInPage.
  'in-page': 'pdf/in-page/index.ts',
  // The Paged.js adapter's patches and pagination: window.avimPressPagedjs.
  pagedjs: 'pdf/engine/pagedjs/in-page/index.ts',
  // What the EPUB's text is set in, face by face: window.avimPressStyledText.
  'styled-text': 'epub/in-page/styled-text.ts',
  // The review sheet's drawing of a PDF's pages with pdf.js: window.avimPressReview.
  review: '../review/in-page/index.ts',
} as const;

/**
 * Libraries' browser builds, evaluated as they come but smaller: white space and syntax minified, names
 * kept (the Paged.js adapter finds Paged.js's handlers by their class names). Every print page is sent
 * the script: Paged.js's 920 KB took about 175 ms to send and evaluate, the 636 KB about 105 ms
 * (docs/speed.md).
 */
export const LIBRARY_SCRIPTS = {
  // Paged.js's browser build: window.Paged.
  paged: PAGEDJS_BROWSER_BUILD,
} as const;

export type PageScriptName = keyof typeof PAGE_SCRIPTS | keyof typeof LIBRARY_SCRIPTS;

/** The license notices a bundle must carry for the code bundled into it (esbuild drops comments). */
const NOTICES: Partial<Record<PageScriptName, string>> = {
  paged: '/*! Paged.js v0.4.3, MIT License, https://gitlab.coko.foundation/pagedjs/pagedjs; with css-tree (MIT) and the other libraries it bundles, whose notices are in pagedjs/dist/paged.js. */',
  review:
    '/*! pdf.js (pdfjs-dist), Copyright 2024 Mozilla Foundation. Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0); distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND. */',
};

const SOURCE_DIR = path.join(PACKAGE_ROOT, 'src', 'render');
/** Where `npm run compile` puts them: beside the compiled page-scripts.js, which reads them. */
export const PAGE_SCRIPTS_DIR = path.join(PACKAGE_ROOT, 'lib', 'render', 'pdf', 'page-scripts');

/** One entry (a .ts file) and everything it imports, as one browser script. */
export async function bundlePageScript(entry: string, notice = ''): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    tsconfig: path.join(PACKAGE_ROOT, 'tsconfig.in-page.json'),
    bundle: true,
    // One expression, evaluated by page.evaluate: its globals are all it leaves behind.
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    ...(notice ? { banner: { js: notice } } : {}),
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** A library's browser build, smaller (LIBRARY_SCRIPTS). */
export async function minifyLibraryScript(file: string, notice = ''): Promise<string> {
  const result = await transform(readFileSync(file, 'utf8'), {
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    charset: 'utf8',
    legalComments: 'inline',
    ...(notice ? { banner: notice } : {}),
  });
  return result.code;
}

export async function buildPageScripts(): Promise<Record<PageScriptName, string>> {
  const bundled = (Object.keys(PAGE_SCRIPTS) as (keyof typeof PAGE_SCRIPTS)[]).map(async (name) => [name, await bundlePageScript(path.join(SOURCE_DIR, PAGE_SCRIPTS[name]), NOTICES[name])] as const);
  const libraries = (Object.keys(LIBRARY_SCRIPTS) as (keyof typeof LIBRARY_SCRIPTS)[]).map(async (name) => [name, await minifyLibraryScript(LIBRARY_SCRIPTS[name], NOTICES[name])] as const);
  return Object.fromEntries(await Promise.all([...bundled, ...libraries])) as Record<PageScriptName, string>;
}

// `node lib/render/pdf/build-page-scripts.js` (npm run compile): write them into lib/.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const scripts = await buildPageScripts();
  mkdirSync(PAGE_SCRIPTS_DIR, { recursive: true });
  for (const [name, source] of Object.entries(scripts)) writeFileSync(path.join(PAGE_SCRIPTS_DIR, `${name}.js`), source);
}
