// Images resolve relative to the manuscript and must stay inside the project; each problem is located.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';

import { transformManuscript } from '../../src/transform/processor.js';
import { tempDir } from '../helpers/cli.js';
import { formatMessages, project } from '../helpers/transform.js';
import { PNG, pngOfSize } from '../helpers/projects.js';

describe('images', () => {
  const root = tempDir('avim-press-images-');
  const outside = tempDir('avim-press-outside-');
  beforeAll(() => {
    mkdirSync(path.join(root, 'manuscript', 'figures'), { recursive: true });
    writeFileSync(path.join(root, 'manuscript', 'figures', 'map.png'), PNG);
    writeFileSync(path.join(outside, 'secret.png'), PNG);
    symlinkSync(path.join(outside, 'secret.png'), path.join(root, 'manuscript', 'figures', 'link.png'));
  });

  async function run(markdown: string) {
    const file = new VFile({ path: path.join(root, 'manuscript', 'doc.md'), value: `---\ntitle: T\n---\n\n${markdown}\n` });
    const body = await transformManuscript(file, { brand: project.brand, projectRoot: root, defaultLang: 'en', labels: project.labels });
    return { html: toHtml(body), messages: formatMessages(file, root) };
  }

  it('resolves an image beside the manuscript to its real path, alt kept as written', async () => {
    const result = await run('![A map of the region](figures/map.png) and ![](figures/map.png)');
    expect(result.messages).toEqual([]);
    expect(result.html).toContain(`<img src="${path.join(root, 'manuscript', 'figures', 'map.png')}" alt="A map of the region">`);
    expect(result.html).toContain(`<img src="${path.join(root, 'manuscript', 'figures', 'map.png')}" alt="">`);
  });

  it('reports a missing image at its position', async () => {
    const result = await run('Text.\n\n![Gone](figures/nothing.png)');
    expect(result.messages).toEqual(['manuscript/doc.md:7:1: error: Image "figures/nothing.png" not found (looked for manuscript/figures/nothing.png) (image-missing)']);
  });

  it('refuses an image outside the project, by .. or absolute path or file: URL', async () => {
    const escape = path.relative(path.join(root, 'manuscript'), path.join(outside, 'secret.png'));
    for (const src of [escape, path.join(outside, 'secret.png'), `file://${path.join(outside, 'secret.png')}`]) {
      const result = await run(`![x](${src})`);
      expect(result.messages[0], src).toMatch(/^manuscript\/doc\.md:5:1: error: Image ".*"( is outside the project|: only files beside the manuscript can be shown) \(image-outside\)$/);
    }
  });

  it('refuses a symbolic link that points out of the project', async () => {
    const result = await run('![x](figures/link.png)');
    expect(result.messages).toEqual(['manuscript/doc.md:5:1: error: Image "figures/link.png" is a link to a file outside the project (image-outside)']);
  });

  it('leaves out a raw HTML image that reaches outside, with a warning, keeping its alt text', async () => {
    const result = await run(`<img src="${path.join(outside, 'secret.png')}" alt="x">`);
    expect(result.messages).toEqual([`manuscript/doc.md:5:1: warning: Image "${path.join(outside, 'secret.png')}" is outside the project; left out (image-outside)`]);
    // Its alt text stands where it stood, in a paragraph of its own (rehype-wrap-loose-text).
    expect(result.html).toBe('<p>x</p>');
  });

  it('does not fetch a remote image: it warns and keeps the alt text', async () => {
    const result = await run('![The summit](https://example.org/summit.jpg)');
    expect(result.messages).toEqual(['manuscript/doc.md:5:1: warning: Remote image not fetched: https://example.org/summit.jpg (save it beside the manuscript) (image-remote)']);
    expect(result.html).toBe('<p>The summit</p>');
  });
});

describe('the cover', () => {
  const root = tempDir('avim-press-cover-');
  beforeAll(() => {
    mkdirSync(path.join(root, 'manuscript'), { recursive: true });
    writeFileSync(path.join(root, 'manuscript', 'small.png'), pngOfSize(400, 640));
    writeFileSync(path.join(root, 'manuscript', 'square.png'), pngOfSize(1600, 1600));
    writeFileSync(path.join(root, 'manuscript', 'soft.png'), pngOfSize(1200, 1920));
    writeFileSync(path.join(root, 'manuscript', 'right.png'), pngOfSize(1600, 2560));
  });

  async function messagesFor(cover: string) {
    const file = new VFile({ path: path.join(root, 'manuscript', 'doc.md'), value: `---\ntitle: T\ncover: ${cover}\n---\n\nText.\n` });
    await transformManuscript(file, { brand: project.brand, projectRoot: root, defaultLang: 'en', labels: project.labels });
    return formatMessages(file, root);
  }

  it('is refused at its key when stores would refuse it: too small, or not a portrait of 1:1.3 to 1:1.8', async () => {
    expect(await messagesFor('small.png')).toEqual(['manuscript/doc.md:3:8: error: The cover is 400 × 640 px; stores need at least 1000 px on the short side (1600 × 2560 is best) (cover-size)']);
    expect(await messagesFor('square.png')).toEqual([
      'manuscript/doc.md:3:8: error: The cover is 1600 × 1600 px, 1:1.00; a cover is a portrait between 1:1.3 and 1:1.8 (1600 × 2560 is best) (cover-size)',
    ]);
  });

  it('gets a warning under 1600 × 2560, and nothing at that size', async () => {
    expect(await messagesFor('soft.png')).toEqual(['manuscript/doc.md:3:8: warning: The cover is 1200 × 1920 px; 1600 × 2560 shows sharp on large screens (cover-small)']);
    expect(await messagesFor('right.png')).toEqual([]);
  });
});
