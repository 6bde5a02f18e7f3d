// Package an EPUB with epub-gen-memory through its public surface only, then date it. The library
// writes mimetype, container and style sheet (its `css` option) and renders our EJS templates (its
// `contentOPF`, `tocXHTML`, `tocNCX`, `chapterXHTML` options) with our data; each chapter's finished
// XHTML rides in a field of its own, past the library's HTML clean-up (which renames and fetches
// images and rewrites alt text). Its zip is then copied with jszip's public API, fonts and images
// added, every entry dated with the publication's date (the library dates them now), mimetype first
// and stored, fonts and images stored as they are: the same inputs give the same bytes.
// docs/epub.md says why each choice.
import { EPub, type Chapter, type Options } from 'epub-gen-memory';
import JSZip from 'jszip';
import type { ChapterTemplateData, PackageTemplateData } from './template-data.js';

export type PackageOptions = Omit<Options, 'fonts' | 'cover' | 'verbose'> & PackageTemplateData;
export type EpubChapter = Chapter & ChapterTemplateData;

/** A binary resource (font, image) by its path inside the zip. */
export interface EpubResource {
  path: string;
  data: Uint8Array;
}

/** PNG, JPEG, GIF and woff2 are compressed already: deflating them again costs time and saves nothing
 * (TrueType fonts are not, and are deflated). */
const COMPRESSED = /\.(woff2|png|jpe?g|gif)$/i;

export async function packageEpub(options: PackageOptions, chapters: EpubChapter[], resources: EpubResource[], date: Date): Promise<Buffer> {
  const epub = new EPub({ ...options, verbose: false }, chapters);
  await epub.render();
  // Text only, stored: compressing here would be undone and done again below.
  const made = await JSZip.loadAsync(await epub.generateAsync({ type: 'uint8array', compression: 'STORE' }));

  const zip = new JSZip();
  const add = (name: string, data: Uint8Array | Promise<Uint8Array>) =>
    zip.file(name, data, { date, createFolders: false, ...(name === 'mimetype' || COMPRESSED.test(name) ? { compression: 'STORE' as const } : {}) });
  const mimetype = made.file('mimetype');
  if (!mimetype) throw new Error('epub-gen-memory wrote no mimetype');
  add('mimetype', mimetype.async('uint8array'));
  const folders = new Set<string>();
  const addFolder = (name: string) => {
    if (!folders.has(name)) zip.file(name, null, { dir: true, date });
    folders.add(name);
  };
  made.forEach((name, entry) => {
    if (name === 'mimetype') return;
    if (entry.dir) addFolder(name);
    else add(name, entry.async('uint8array'));
  });
  for (const resource of resources) {
    const folder = resource.path.slice(0, resource.path.lastIndexOf('/') + 1);
    if (folder) addFolder(folder);
    add(resource.path, resource.data);
  }
  return zip.generateAsync({ type: 'nodebuffer', mimeType: 'application/epub+zip', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
