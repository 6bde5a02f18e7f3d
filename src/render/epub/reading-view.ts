// The EPUB's reading view for the live preview: the content documents the EPUB holds (contentDocuments,
// as renderEpub makes them), one after another as a reader's scrolled mode shows them, with epub.css
// and the brand's faces cut to the text (data: URLs). Images point at the URL the caller serves each
// asset of the publication at; nothing else is referenced. No cover is drawn (that takes the browser
// a while): the preview shows the text.
import type { Root } from 'hast';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import type { Project } from '../../load/project.js';
import type { Templates } from '../../load/templates.js';
import { loadTypefaces } from '../../load/typefaces.js';
import type { Asset, Publication } from '../../publication/model.js';
import { hastToHtml } from '../../util/html.js';
import { withPageFonts } from '../font-subsets.js';
import { contentDocuments } from './documents.js';

export async function readingView(publication: Publication, project: Project, templates: Templates, assetUrl: (asset: Asset) => string): Promise<string> {
  const { metadata } = publication;
  const assets = new Map(publication.assets.map((asset) => [asset.path, asset]));
  const pointAtAssets = (tree: Root) =>
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img') return;
      const asset = assets.get(String(node.properties.src ?? ''));
      // An <img src> in the model is always an asset (transform/assets.ts); anything else is dropped.
      if (asset) node.properties.src = assetUrl(asset);
      else delete node.properties.src;
    });
  const documents = contentDocuments(publication, project).map((document) => {
    pointAtAssets(document.tree);
    return { kind: document.kind, filename: document.filename, html: hastToHtml(document.tree) };
  });
  const css = readFileSync(path.join(project.stylesDir, 'epub.css'), 'utf8');
  const render = (fontCss: string) => templates.render('preview/reading-view.ejs', { meta: metadata, documents, css, fontCss });
  return withPageFonts(loadTypefaces(project.brand), metadata.lang, render);
}
