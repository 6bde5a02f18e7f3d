// No text may fall back to a system font: after layout, ask Chromium (CDP CSS.getPlatformFontsForNode)
// which fonts drew the text of every element, and name the text any non-web font drew, with the
// manuscript line of its nearest element that has one (data-source-line, print-html.ts). The brand's
// faces' cmaps say which characters the brand's fonts cannot have: text with such a
// character fails too, even when no system font has it either (Chromium then draws an empty box
// in the brand's font and reports no fallback). Runs in Node, over the DevTools protocol. Only the
// elements whose text brings a character new to its computed font are asked about (marked in the page
// by in-page/mark-font-probes.ts; every pseudo-element still is): the others are set alike.
import type { Page } from 'puppeteer';
import type { LoadedFace } from '../../load/typefaces.js';
import type { LayoutMarkers } from './engine/layout-markers.js';
import { FONT_PROBE_ATTRIBUTE, type InPageWindow, type SourcePlace } from './in-page-api.js';

// page.evaluate callbacks run in the page, where the in-page script installed this.
declare const window: Partial<InPageWindow>;

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  /** Name, value, name, value ... */
  attributes?: string[];
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
  /** The manuscript line of the text, when it comes from the manuscript. */
  place?: SourcePlace;
  /** The text is in a margin box (a running head or folio). */
  inMargin: boolean;
}

interface TextBearer {
  nodeId: number;
  text: string;
  place: SourcePlace | undefined;
  inMargin: boolean;
}

const SKIP = new Set(['HEAD', 'SCRIPT', 'STYLE', 'TEMPLATE']);

function attribute(node: DomNode, name: string): string | undefined {
  const attributes = node.attributes ?? [];
  for (let index = 0; index < attributes.length; index += 2) if (attributes[index] === name) return attributes[index + 1];
  return undefined;
}

/** Elements (and pseudo-elements) that draw text of their own, with that text and where it came from. */
function textBearers(root: DomNode, margins: Set<number>, marked: boolean): TextBearer[] {
  const found: TextBearer[] = [];
  const walk = (node: DomNode, place: SourcePlace | undefined, inMargin: boolean) => {
    if (SKIP.has(node.nodeName)) return;
    const line = attribute(node, 'data-source-line');
    const sourceFile = attribute(node, 'data-source-file');
    if (line) place = { line: Number(line), column: Number(attribute(node, 'data-source-column') ?? 1), ...(sourceFile ? { file: sourceFile } : {}) };
    inMargin ||= margins.has(node.nodeId);
    const own = (node.children ?? [])
      .filter((child) => child.nodeType === 3)
      .map((child) => child.nodeValue)
      .join('');
    if (own.trim() && (!marked || attribute(node, FONT_PROBE_ATTRIBUTE) !== undefined)) found.push({ nodeId: node.nodeId, text: own, place, inMargin });
    for (const pseudo of node.pseudoElements ?? []) found.push({ nodeId: pseudo.nodeId, text: `::${pseudo.pseudoType ?? 'pseudo'}`, place, inMargin });
    for (const child of node.children ?? []) if (child.nodeType === 1) walk(child, place, inMargin);
  };
  walk(root, undefined, false);
  return found;
}

export async function findSystemFonts(page: Page, faces: LoadedFace[], markers: LayoutMarkers): Promise<SystemFontUse[]> {
  // The print page has the in-page script; a page without it (a test showing an EPUB) is asked about whole.
  const marked = await page.evaluate(() => (window.avimPressInPage ? window.avimPressInPage.markFontProbes() : -1));
  const client = await page.createCDPSession();
  try {
    await client.send('DOM.enable');
    await client.send('CSS.enable');
    const { root } = (await client.send('DOM.getDocument', { depth: -1 })) as unknown as { root: DomNode };
    const { nodeIds } = await client.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: markers.marginBox });
    const bearers = textBearers(root, new Set(nodeIds), marked >= 0);
    const answers = await Promise.all(bearers.map((bearer) => client.send('CSS.getPlatformFontsForNode', { nodeId: bearer.nodeId }) as Promise<{ fonts: PlatformFont[] }>));
    const covered = (code: number) => faces.some((face) => face.unicodes.has(code));
    const uses: SystemFontUse[] = [];
    answers.forEach(({ fonts }, index) => {
      const bearer = bearers[index]!;
      const system = fonts.filter((font) => !font.isCustomFont && font.glyphCount > 0);
      const text = bearer.text.replace(/\s+/g, ' ').trim();
      const uncovered = [...new Set([...text].filter((character) => !/\s/.test(character) && !covered(character.codePointAt(0)!)))];
      if (system.length === 0 && uncovered.length === 0) return;
      uses.push({
        text: text.length > 60 ? `${text.slice(0, 57)}...` : text,
        fonts: system.map((font) => font.familyName),
        uncovered,
        ...(bearer.place ? { place: bearer.place } : {}),
        inMargin: bearer.inMargin,
      });
    });
    return uses;
  } finally {
    await client.detach();
    if (marked >= 0) await page.evaluate(() => window.avimPressInPage?.unmarkFontProbes());
  }
}

export function describeSystemFontUse(use: SystemFontUse): string {
  const characters = use.uncovered.map((character) => `${character} U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  const lacking = characters.length > 0 ? `: the brand's fonts have no ${characters.join(', ')}` : '';
  const where = use.inMargin ? ' in a running head or folio' : '';
  return use.fonts.length > 0 ? `"${use.text}"${where} is set in a system font (${use.fonts.join(', ')})${lacking}` : `"${use.text}"${where} cannot be set in the brand's fonts${lacking}`;
}
