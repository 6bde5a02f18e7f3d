// remark-typography runs SmartyPants block by block, and skips blocks with nothing to change (speed:
// docs/speed.md). It must give what SmartyPants gives over the whole document, on Markdown nobody here
// wrote: every CommonMark example, the real-world corpus, the fixtures, the seed, in English and Turkish.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import spec from 'commonmark-spec';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { loadProject, PACKAGE_ROOT } from '../../src/load/project.js';
import remarkTypography, { typographyFor } from '../../src/transform/plugins/remark-typography.js';

const labels = loadProject(PACKAGE_ROOT).labels;
const parse = (text: string) => {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
  return processor.runSync(processor.parse(text)) as Root;
};
const markdownIn = (folder: string) =>
  readdirSync(path.join(PACKAGE_ROOT, folder))
    .filter((name) => /\.(md|txt)$/.test(name))
    .map((name) => readFileSync(path.join(PACKAGE_ROOT, folder, name), 'utf8'));

const documents = [
  ...(spec.tests as { markdown: string }[]).map((example) => example.markdown),
  ...markdownIn('tests/corpus/real-world'),
  ...markdownIn('tests/fixtures'),
  ...markdownIn('tests/fixtures/book/chapters'),
  ...markdownIn('manuscript'),
  ...markdownIn('tests/fixtures/seed'),
  // Quotes that open in one block and close in the next, and at a block's very end.
  '"It began\n\nand ended here."\n\n> \'quoted\n> across\'\n\n- "item\n- item"\n\n| a "b | c" |\n| - | - |\n| "d" | e\'s |\n',
];

describe('remark-typography, block by block', () => {
  it.each(['en', 'tr'] as const)('gives what SmartyPants gives over the whole document (%s)', (lang) => {
    let changed = 0;
    for (const text of documents) {
      const whole = parse(text);
      typographyFor(labels[lang])(whole);
      const blocks = parse(text);
      const file = new VFile();
      file.data.lang = lang;
      remarkTypography({ labels })(blocks, file);
      expect(blocks).toEqual(whole);
      if (JSON.stringify(whole) !== JSON.stringify(parse(text))) changed += 1;
    }
    // The comparison means something only if SmartyPants changed many of them.
    expect(changed).toBeGreaterThan(30);
  });
});
