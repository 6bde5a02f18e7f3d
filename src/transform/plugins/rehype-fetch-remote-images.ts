// Only with --allow-remote: the web images a manuscript shows are downloaded once, at build time,
// into the project's cache, checked (an image type, a size limit, a time limit), and shown from
// there, so the renderers still read only files inside the project. Without the flag nothing is
// fetched (rehype-resolve-images leaves such images out with a warning).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { problem } from '../../problems/problem.js';
import { assetsOf } from '../resolve-image.js';

export interface FetchRemoteImagesOptions {
  projectRoot: string;
  /** Where downloads are kept: <project>/.avim-press-cache/remote-images */
  cacheDir: string;
  maxBytes?: number;
  timeoutSeconds?: number;
}

// Recognised by their first bytes, not by what the server says.
const SIGNATURES: [string, (bytes: Buffer) => boolean][] = [
  ['.png', (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['.jpg', (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff],
  ['.gif', (bytes) => bytes.subarray(0, 4).toString('latin1') === 'GIF8'],
];

export default function rehypeFetchRemoteImages(options: FetchRemoteImagesOptions) {
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
  const timeout = (options.timeoutSeconds ?? 30) * 1000;
  return async (tree: Root, file: VFile) => {
    const remote: Element[] = [];
    visit(tree, 'element', (node) => {
      if (node.tagName === 'img' && typeof node.properties.src === 'string' && /^https?:\/\//i.test(node.properties.src)) remote.push(node);
    });
    for (const node of remote) {
      const url = String(node.properties.src);
      const warn = (reason: string) => problem(file, `Remote image ${url}: ${reason}; left out`, { place: node.position, ruleId: 'image-remote', severity: 'warning' });
      try {
        node.properties.src = assetsOf(file, options.projectRoot).add(await download(url)).path;
      } catch (error) {
        warn((error as Error).message);
        node.properties.src = '';
        node.tagName = 'span';
        node.children = typeof node.properties.alt === 'string' && node.properties.alt ? [{ type: 'text', value: node.properties.alt }] : [];
        node.properties = {};
      }
    }
  };

  async function download(url: string): Promise<string> {
    const key = createHash('sha256').update(url).digest('hex').slice(0, 32);
    for (const [extension] of SIGNATURES) {
      const cached = path.join(options.cacheDir, `${key}${extension}`);
      if (existsSync(cached)) return cached;
    }
    const response = await fetch(url, { signal: AbortSignal.timeout(timeout), redirect: 'follow' });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > maxBytes) throw new Error(`it is larger than ${maxBytes} bytes`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > maxBytes) throw new Error(`it is larger than ${maxBytes} bytes`);
    const extension = SIGNATURES.find(([, matches]) => matches(bytes))?.[0];
    if (!extension) throw new Error('it is not a PNG, JPEG or GIF image');
    mkdirSync(options.cacheDir, { recursive: true });
    const cached = path.join(options.cacheDir, `${key}${extension}`);
    writeFileSync(cached, bytes);
    return cached;
  }
}
