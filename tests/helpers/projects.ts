// Projects of their own for tests that build through the CLI: a temporary folder with the
// configuration and brand (and, when asked, templates and styles) of this repository.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { generateArticle } from '../../bench/generate.js';
import { ROOT, tempDir } from './cli.js';

// A 1×1 PNG.
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A real PNG of the given size, one grey (a cover of a size a test needs). */
export function pngOfSize(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width, 0x99)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A project folder with an empty manuscript/ folder; `copy` adds more of this repository (templates, styles). */
export function tempProject(options: { prefix?: string; copy?: string[]; root?: string } = {}): string {
  const project = options.root ?? tempDir(options.prefix ?? 'avim-press-project-');
  for (const name of ['avim-press.config.yaml', 'brand', ...(options.copy ?? [])]) cpSync(path.join(ROOT, name), path.join(project, name), { recursive: true });
  mkdirSync(path.join(project, 'manuscript'), { recursive: true });
  return project;
}

/** Generated articles of the sample's size in the project's manuscript/ folder, named by `name`. */
export function addArticles(project: string, count: number, name = (index: number) => `article-${index + 1}.md`): string[] {
  return Array.from({ length: count }, (_, index) => {
    const file = path.join(project, 'manuscript', name(index));
    writeFileSync(file, generateArticle(index));
    return file;
  });
}
