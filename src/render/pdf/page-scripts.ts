// The browser scripts the renderer evaluates in the print page (build-page-scripts.ts makes them from
// in-page/ and the engine's in-page/). From lib/, the ones `npm run compile` wrote beside this file.
// From src/ (vitest runs the sources directly), built now from the sources, in memory: a test then
// never runs a stale lib/ script against new Node code, and needs no build step first. esbuild is a
// dev dependency, so only that path imports it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PageScriptName } from './build-page-scripts.js';

const loaded = new Map<PageScriptName, Promise<string>>();
let fromSources: Promise<Record<PageScriptName, string>> | undefined;

export function pageScript(name: PageScriptName): Promise<string> {
  let script = loaded.get(name);
  if (!script) loaded.set(name, (script = load(name)));
  return script;
}

async function load(name: PageScriptName): Promise<string> {
  if (import.meta.url.endsWith('.ts')) {
    fromSources ??= import('./build-page-scripts.js').then((builder) => builder.buildPageScripts());
    return (await fromSources)[name];
  }
  const file = fileURLToPath(new URL(`page-scripts/${name}.js`, import.meta.url));
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(`The page script ${file} is missing: run npm run compile`);
  }
}
