// Web images: never fetched by default (a warning says so); with --allow-remote, downloaded once into
// the project's cache, checked, and shown in both artifacts. The server is on this machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync, tempDir } from '../helpers/cli.js';
import { PNG, tempProject } from '../helpers/projects.js';

describe('web images', () => {
  let server: Server;
  let origin: string;
  const hits: string[] = [];
  const project = tempDir('avim-press-remote-');

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      if (request.url === '/map.png') response.end(PNG);
      else response.end('<html>not an image</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    tempProject({ root: project });
    writeFileSync(path.join(project, 'manuscript', 'web.md'), `---\ntitle: Web\n---\n\n![A map](${origin}/map.png)\n\n![A page](${origin}/page.html)\n`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('are not fetched without --allow-remote', async () => {
    const run = await runCliAsync(['build'], { cwd: project });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`manuscript/web.md:5:1: warning: Remote image not fetched: ${origin}/map.png (save it beside the manuscript) (image-remote)`);
    expect(hits).toEqual([]);
  });

  it('with --allow-remote are downloaded once, checked, and shown in the PDF and the EPUB', async () => {
    const run = await runCliAsync(['build', '--allow-remote', '--force'], { cwd: project });
    expect(run.status, run.stderr).toBe(0);
    expect(hits.sort()).toEqual(['/map.png', '/page.html']);
    expect(run.stderr).toContain(`manuscript/web.md:7:1: warning: Remote image ${origin}/page.html: it is not a PNG, JPEG or GIF image; left out (image-remote)`);
    expect(readFileSync(path.join(project, 'dist', 'web.pdf')).includes('/Subtype /Image')).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(path.join(project, 'dist', 'web.epub')));
    const images = Object.keys(zip.files).filter((name) => name.startsWith('OEBPS/images/') && !zip.files[name]!.dir && !name.includes('cover'));
    expect(images).toHaveLength(1);
    expect(Buffer.from(await zip.file(images[0]!)!.async('uint8array')).equals(PNG)).toBe(true);
    // Once: a second build takes the image from the cache.
    expect((await runCliAsync(['build', '--allow-remote', '--force'], { cwd: project })).status).toBe(0);
    expect(hits.filter((hit) => hit === '/map.png')).toHaveLength(1);
  });
});
