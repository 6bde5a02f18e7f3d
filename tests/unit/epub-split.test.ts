// Where the EPUB splits the body into files: before each level-1 heading, only when there are two.
import { describe, expect, it } from 'vitest';
import { splitBody } from '../../src/render/epub/split-body.js';
import { transform } from '../helpers/transform.js';

const shape = async (markdown: string) =>
  splitBody((await transform(`---\ntitle: T\n---\n\n${markdown}`)).body).map((part) => ({
    title: part.title,
    blocks: part.children.filter((node) => node.type === 'element').map((node) => (node.type === 'element' ? node.tagName : '')),
  }));

describe('splitting the body into chapter files', () => {
  it('keeps an article with ## sections in one file', async () => {
    expect(await shape('Intro.\n\n## One\n\nText.\n\n## Two\n\nText.\n')).toEqual([{ title: undefined, blocks: ['p', 'h2', 'p', 'h2', 'p'] }]);
  });

  it('keeps a body with a single # heading in one file', async () => {
    expect(await shape('# Only\n\nText.\n')).toEqual([{ title: undefined, blocks: ['h1', 'p'] }]);
  });

  it('starts a file at each # heading, text before the first in a file of its own', async () => {
    expect(await shape('Preface.\n\n# One\n\nA.\n\n## Part\n\nB.\n\n# Two *again*\n\nC.\n')).toEqual([
      { title: undefined, blocks: ['p'] },
      { title: 'One', blocks: ['h1', 'p', 'h2', 'p'] },
      { title: 'Two again', blocks: ['h1', 'p'] },
    ]);
  });

  it('makes no empty file when the body opens with a heading', async () => {
    expect((await shape('# One\n\nA.\n\n# Two\n\nB.\n')).map((part) => part.title)).toEqual(['One', 'Two']);
  });
});
