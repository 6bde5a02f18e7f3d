// Parse and validate the YAML front matter (as remark-frontmatter leaves it) into file.data.frontMatter,
// note where each value is (problems found later inside a value point at its line), and settle the
// document's language.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { LanguageCode } from '../../load/frontmatter-schema.js';
import { bookFileSchema, chapterFrontMatterSchema, frontMatterSchema } from '../../load/frontmatter-schema.js';
import { parseYamlData, valuePlaces } from '../../load/yaml-data.js';
import '../file-data.js';

export interface FrontMatterDataOptions {
  /** The project's language, for a document whose front matter names none. */
  defaultLang: LanguageCode;
  /** A chapter of a book: its front matter says only its title, author and language. */
  chapter?: boolean;
}

export default function remarkFrontMatterData(options: FrontMatterDataOptions) {
  return (tree: Root, file: VFile) => {
    file.data.lang = options.defaultLang;
    const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
    if (!yaml) return;
    if (yaml.position) file.data.frontMatterPosition = yaml.position;
    // The YAML text starts on the line after the opening `---` (a book.yaml is given the lines around
    // it that make it front matter: its text starts on its own first line).
    const firstLine = (yaml.position?.start.line ?? 1) + (file.data.bookFile ? 0 : 1);
    const schema = options.chapter ? chapterFrontMatterSchema : file.data.bookFile ? bookFileSchema : frontMatterSchema;
    const data = parseYamlData<typeof frontMatterSchema | typeof chapterFrontMatterSchema | typeof bookFileSchema>(yaml.value, schema, file, {
      line: firstLine,
      ruleId: 'frontmatter',
      source: 'avim-press',
    });
    if (data) file.data.frontMatter = data;
    else file.data.frontMatterInvalid = true;
    file.data.frontMatterPlaces = valuePlaces(yaml.value, firstLine);
    if (data?.lang) file.data.lang = data.lang;
  };
}
