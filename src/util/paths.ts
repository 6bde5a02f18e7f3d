// Path and URL helpers the transform and the renderers share.
import { realpathSync } from 'node:fs';
import path from 'node:path';

/** True when `file` is inside `folder` (not the folder itself, not through ..). */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The real path (symbolic links resolved), or undefined when there is no such file. */
export function realPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** decodeURIComponent that gives the text back unchanged when it is not valid percent-encoding ("50%"). */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
