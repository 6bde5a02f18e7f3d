// No text may fall back to a system font: after layout, ask Chromium (CDP CSS.getPlatformFontsForNode)
// which fonts drew the text of every element, and name the text any non-web font drew. The brand's
// @font-face unicode ranges say which characters the brand's fonts cannot have: text with such a
// character fails too, even when no system font has it either (Chromium then draws an empty box
// in the brand's font and reports no fallback).
import type { Page } from 'puppeteer';
import type { FontFace } from '../fonts.js';

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: DomNode[];
  pseudoElements?: DomNode[];
  pseudoType?: string;
}

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

export interface SystemFontUse {
  /** The element's text (or the pseudo-element's name), shortened. */
  text: string;
  /** System fonts that drew some of it (none when no font at all has the characters). */
  fonts: string[];
  /** Characters of the text that no brand face covers. */
  uncovered: string[];
}

const SKIP = new Set(['HEAD', 'SCRIPT', 'STYLE', 'TEMPLATE']);

/** Elements (and pseudo-elements) that draw text of their own, with that text. */
function textBearers(root: DomNode): { nodeId: number; text: string }[] {
  const found: { nodeId: number; text: string }[] = [];
  const walk = (node: DomNode) => {
    if (SKIP.has(node.nodeName)) return;
    const own = (node.children ?? []).filter((child) => child.nodeType === 3).map((child) => child.nodeValue).join('');
    if (own.trim()) found.push({ nodeId: node.nodeId, text: own });
    for (const pseudo of node.pseudoElements ?? []) found.push({ nodeId: pseudo.nodeId, text: `::${pseudo.pseudoType ?? 'pseudo'}` });
    for (const child of node.children ?? []) if (child.nodeType === 1) walk(child);
  };
  walk(root);
  return found;
}

function parseRanges(faces: FontFace[]): [number, number][] {
  return faces.flatMap((face) =>
    face.unicodeRange.split(',').map((part): [number, number] => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
    }),
  );
}

export async function findSystemFonts(page: Page, faces: FontFace[]): Promise<SystemFontUse[]> {
  const client = await page.createCDPSession();
  try {
    await client.send('DOM.enable');
    await client.send('CSS.enable');
    const { root } = (await client.send('DOM.getDocument', { depth: -1 })) as unknown as { root: DomNode };
    const bearers = textBearers(root);
    const answers = await Promise.all(
      bearers.map((bearer) => client.send('CSS.getPlatformFontsForNode', { nodeId: bearer.nodeId }) as Promise<{ fonts: PlatformFont[] }>),
    );
    const ranges = parseRanges(faces);
    const covered = (code: number) => ranges.some(([from, to]) => code >= from && code <= to);
    const uses: SystemFontUse[] = [];
    answers.forEach(({ fonts }, index) => {
      const system = fonts.filter((font) => !font.isCustomFont && font.glyphCount > 0);
      const text = bearers[index]!.text.replace(/\s+/g, ' ').trim();
      const uncovered = [...new Set([...text].filter((character) => !/\s/.test(character) && !covered(character.codePointAt(0)!)))];
      if (system.length === 0 && uncovered.length === 0) return;
      uses.push({ text: text.length > 60 ? `${text.slice(0, 57)}...` : text, fonts: system.map((font) => font.familyName), uncovered });
    });
    return uses;
  } finally {
    await client.detach();
  }
}

export function describeSystemFontUse(use: SystemFontUse): string {
  const characters = use.uncovered.map((character) => `${character} U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  const lacking = characters.length > 0 ? `: the brand's fonts have no ${characters.join(', ')}` : '';
  return use.fonts.length > 0 ? `"${use.text}" is set in a system font (${use.fonts.join(', ')})${lacking}` : `"${use.text}" cannot be set in the brand's fonts${lacking}`;
}
