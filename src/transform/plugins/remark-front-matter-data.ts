// Parse and validate the YAML front matter (as remark-frontmatter leaves it) into file.data.frontMatter.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { frontMatterSchema } from '../../load/frontmatter-schema.js';
import { parseYamlData, valueStartLine } from '../../load/yaml-data.js';
import '../file-data.js';

export default function remarkFrontMatterData() {
  return (tree: Root, file: VFile) => {
    const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
    if (!yaml) return;
    if (yaml.position) file.data.frontMatterPosition = yaml.position;
    // The YAML text starts on the line after the opening `---`.
    const firstLine = (yaml.position?.start.line ?? 1) + 1;
    const data = parseYamlData(yaml.value, frontMatterSchema, file, {
      line: firstLine,
      ruleId: 'frontmatter',
      source: 'avim-press',
    });
    if (data) file.data.frontMatter = data;
    else file.data.frontMatterInvalid = true;
    // Where each author's bio and photo are, so that problems found in them later point at the file's lines.
    const authors = data?.author === undefined ? [] : Array.isArray(data.author) ? data.author : [data.author];
    const lineOf = (index: number, key: 'bio' | 'photo') =>
      valueStartLine(yaml.value, Array.isArray(data!.author) ? ['author', index, key] : ['author', key], firstLine);
    file.data.authorLines = authors.map((author, index) =>
      typeof author === 'object' ? { bio: author.bio ? lineOf(index, 'bio') : undefined, photo: author.photo ? lineOf(index, 'photo') : undefined } : {},
    );
  };
}
