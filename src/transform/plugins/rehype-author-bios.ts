// Each author's biography as safe hast, through the same path as the body (raw HTML sanitised,
// images resolved into the asset list), its problems at the manuscript's own lines. A lifted "About
// the Author" section is the first author's bio when the front matter gives none.
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { problem } from '../../problems/problem.js';
import { mdastToSafeHast, type SafeHtmlOptions } from '../safe-html.js';
import '../file-data.js';

export default function rehypeAuthorBios(options: SafeHtmlOptions) {
  return async (_tree: Root, file: VFile) => {
    const described = file.data.described;
    if (!described) return;
    for (const author of described.authors) {
      if (!author.bioMarkdown) continue;
      author.bio = await mdastToSafeHast(author.bioMarkdown.children, file, options);
      delete author.bioMarkdown;
    }
    const section = file.data.authorSection;
    if (!section || section.length === 0) return;
    const first = described.authors[0];
    if (first && !first.bio) first.bio = { type: 'root', children: section };
    else if (!first) problem(file, 'An "About the Author" section, but no author is named', { ruleId: 'author-missing', severity: 'warning', place: section[0]?.position?.start });
  };
}
