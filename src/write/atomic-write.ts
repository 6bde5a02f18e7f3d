// Write an artifact atomically: a temporary file beside the target, then a rename. A failure or an
// interruption leaves the previous good artifact in place and no partial file behind. Temporary
// files still open when the process is interrupted are removed by removeTemporaryFiles().
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const pending = new Set<string>();

/**
 * @param verify runs on the temporary file before it replaces the target; throwing keeps the old one.
 */
export async function writeAtomic(target: string, data: Uint8Array | string, verify?: (temporary: string) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  // Hidden, and with the target's extension (validators go by it): .paper.epub.1234.a1b2c3d4.epub
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}${path.extname(target)}`);
  pending.add(temporary);
  try {
    await writeFile(temporary, data);
    await verify?.(temporary);
    await rename(temporary, target);
  } finally {
    pending.delete(temporary);
    await rm(temporary, { force: true });
  }
}

/** On SIGINT/SIGTERM: remove what writeAtomic had not finished. Synchronous: it runs as the process ends. */
export function removeTemporaryFiles(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}
