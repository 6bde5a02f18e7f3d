// No text may fall back to a system font: after layout, ask Chromium (CDP CSS.getPlatformFontsForNode)
// which fonts drew the text of the elements that could tell something new, and name the text any
// non-web font drew, with the manuscript line of its nearest element that has one (data-source-line,
// print-html.ts). The brand's faces' cmaps say which characters the brand's fonts cannot have: text
// with such a character fails too, even when no system font has it either (Chromium then draws an
// empty box in the brand's font and reports no fallback). Runs in Node, over the DevTools protocol;
// which elements to ask about, and what they are, the page says (in-page/mark-font-probes.ts), so only
// those elements come over the protocol.
import type { Page } from 'puppeteer';
import type { LoadedFace } from '../../load/typefaces.js';
import type { LayoutMarkers } from './engine/layout-markers.js';
import { FONT_PROBE_ATTRIBUTE, type InPageWindow, type SourcePlace } from './in-page-api.js';
import { pageScript } from './page-scripts.js';

// page.evaluate callbacks run in the page, where the in-page script installed this.
declare const window: Partial<InPageWindow>;

/** A node as CDP pushes it (DOM.setChildNodes). */
interface DomNode {
  nodeId: number;
  children?: DomNode[];
  pseudoElements?: (DomNode & { pseudoType?: string })[];
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

export async function findSystemFonts(page: Page, faces: LoadedFace[], markers: LayoutMarkers): Promise<SystemFontUse[]> {
  // A page without the in-page script (a test showing an EPUB's document) is given it.
  if (!(await page.evaluate(() => window.avimPressInPage !== undefined))) await page.evaluate(await pageScript('in-page'));
  const probes = await page.evaluate((marginBox) => window.avimPressInPage!.markFontProbes(marginBox), markers.marginBox);
  const client = await page.createCDPSession();
  try {
    // The marked elements come over as CDP pushes them to find them (with their pseudo-elements).
    const pushed = new Map<number, DomNode>();
    const keep = (node: DomNode) => {
      pushed.set(node.nodeId, node);
      for (const child of node.children ?? []) keep(child);
    };
    client.on('DOM.setChildNodes', ({ nodes }: { nodes: DomNode[] }) => nodes.forEach(keep));
    await client.send('DOM.enable');
    await client.send('CSS.enable');
    const { root } = await client.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await client.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `[${FONT_PROBE_ATTRIBUTE}]` });
    if (nodeIds.length !== probes.length) throw new Error(`the system-font check marked ${probes.length} elements, and CDP found ${nodeIds.length}`);
    const bearers: TextBearer[] = [];
    nodeIds.forEach((nodeId, index) => {
      const { text, generated, place, inMargin } = probes[index]!;
      if (text) bearers.push({ nodeId, text, place, inMargin });
      if (!generated) return;
      for (const pseudo of pushed.get(nodeId)?.pseudoElements ?? []) bearers.push({ nodeId: pseudo.nodeId, text: `::${pseudo.pseudoType ?? 'pseudo'}`, place, inMargin });
    });
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
    await page.evaluate(() => window.avimPressInPage?.unmarkFontProbes());
  }
}

export function describeSystemFontUse(use: SystemFontUse): string {
  const characters = use.uncovered.map((character) => `${character} U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  const lacking = characters.length > 0 ? `: the brand's fonts have no ${characters.join(', ')}` : '';
  const where = use.inMargin ? ' in a running head or folio' : '';
  return use.fonts.length > 0 ? `"${use.text}"${where} is set in a system font (${use.fonts.join(', ')})${lacking}` : `"${use.text}"${where} cannot be set in the brand's fonts${lacking}`;
}
