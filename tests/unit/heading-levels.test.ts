// rehype-check-heading-levels on trees: a heading more than one level below the one before it is
// reported at its line, with the level to use; levels are kept as written.
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeCheckHeadingLevels from '../../src/transform/plugins/rehype-check-heading-levels.js';

const checked = (html: string) => {
  const root = fromHtml(html, { fragment: true });
  const file = new VFile({ path: 'manuscript/test.md' });
  rehypeCheckHeadingLevels()(root, file);
  return { html: toHtml(root), messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`) };
};

describe('rehype-check-heading-levels', () => {
  it('reports a heading that skips levels, at its place, with the level to use, and keeps it as written', () => {
    // The shape of a GitHub readme's API section: `### name`, then `###### Parameters`.
    const html = '<h2>API</h2>\n<h3>find()</h3>\n<h6>Parameters</h6>\n<h6>Returns</h6>\n<h3>html</h3>\n<h5>Example</h5>';
    const result = checked(html);
    expect(result.html).toBe(html);
    expect(result.messages).toEqual([
      '3:1 heading-skip The heading “Parameters” is level 6 under a level-3 heading (“find()”): the outline a screen reader follows skips levels 4–5 (make it ####)',
      '6:1 heading-skip The heading “Example” is level 5 under a level-3 heading (“html”): the outline a screen reader follows skips level 4 (make it ####)',
    ]);
  });

  it('counts the title as the first level-1 heading', () => {
    expect(checked('<p>Intro</p><h3>Background</h3>').messages).toEqual([
      '1:13 heading-skip The heading “Background” is level 3 right under the title: the outline a screen reader follows skips level 2 (make it ##)',
    ]);
  });

  it('takes levels that go down one at a time and up any number at once', () => {
    for (const html of [
      '<h2>a</h2><h3>b</h3><h4>c</h4><h2>d</h2>',
      '<h1>chapter</h1><h2>a</h2><h3>b</h3><h4>c</h4><h5>e</h5><h6>f</h6><h2>g</h2>',
      '<blockquote><h2>quoted</h2></blockquote><h3>after</h3>',
    ])
      expect(checked(html).messages, html).toEqual([]);
  });
});
