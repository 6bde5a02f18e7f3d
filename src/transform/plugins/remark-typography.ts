// Typographic quotes, apostrophes, dashes and ellipses in the document's language (remark-smartypants),
// with each language's quote marks taken from its locale table. Block by block, and only blocks whose
// text has something to change: remark-smartypants parses all it is given into a natural-language tree
// (retext), 3.4 s for a 1.4 MB book whose text had no quote at all (docs/speed.md). Each block starts
// afresh in remark-smartypants anyway (it puts a space before every paragraph, heading and cell).
import type { Root, RootContent } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import type { VFile } from 'vfile';
import type { LanguageCode } from '../../load/frontmatter-schema.js';
import type { Labels } from '../../load/locale-schema.js';
import '../file-data.js';

export interface TypographyOptions {
  /** Each language's locale labels: quoteDoubleOpen, quoteDoubleClose, quoteSingleOpen, quoteSingleClose. */
  labels: Record<LanguageCode, Labels>;
}

type Transformer = (tree: Root) => void;

/** What SmartyPants may change: straight quotes, backticks, double and triple hyphens, three dots. */
const CHANGEABLE = /['"`]|--|\.\s?\.\s?\./;

/** Does any text of the block hold something SmartyPants would change? (Code is never changed.) */
function hasChangeable(node: RootContent): boolean {
  if (node.type === 'text') return CHANGEABLE.test(node.value);
  return 'children' in node && (node.children as RootContent[]).some(hasChangeable);
}

/** The typographic transform for one language. */
export function typographyFor(labels: Labels): Transformer {
  const plugin = remarkSmartypants as unknown as (options: object) => Transformer;
  return plugin({
    // "--" an en dash (ranges), "---" an em dash.
    dashes: 'oldschool',
    openingQuotes: { double: labels.quoteDoubleOpen, single: labels.quoteSingleOpen },
    closingQuotes: { double: labels.quoteDoubleClose, single: labels.quoteSingleClose },
  });
}

export default function remarkTypography(options: TypographyOptions) {
  const transformers = new Map<LanguageCode, Transformer>();
  return (tree: Root, file: VFile) => {
    const lang = file.data.lang ?? 'en';
    let transformer = transformers.get(lang);
    if (!transformer) transformers.set(lang, (transformer = typographyFor(options.labels[lang])));
    for (const block of tree.children) if (hasChangeable(block)) transformer({ type: 'root', children: [block] });
  };
}
