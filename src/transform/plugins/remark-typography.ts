// Typographic quotes, apostrophes, dashes and ellipses in the document's language (remark-smartypants),
// with each language's quote marks taken from its locale table.
import type { Root } from 'mdast';
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
    transformer(tree);
  };
}
