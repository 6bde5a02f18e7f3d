// avim-press's own version (package.json): the artifacts name it, and a new version rebuilds everything.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const PACKAGE_ROOT = path.resolve(import.meta.dirname, '..', '..');

export const TOOL_VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
