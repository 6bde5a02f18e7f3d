// In the page: the parts of Paged.js 0.4.3 the patches hook into, typed as the patches use them, and
// found once here so that a Paged.js without them fails loudly, naming what is gone. The tripwire tests
// (tests/integration/layout-engine-tripwires.test.ts) check the same shapes.

/** Paged.js's handler of `float: footnote` (src/modules/paged-media/footnotes.js). */
export interface FootnotesHandler {
  moveFootnote(this: unknown, node: HTMLElement, pageArea: HTMLElement, needsNoteCall: boolean): void;
  afterPageLayout(this: unknown, pageElement: HTMLElement, ...rest: unknown[]): void;
}

/** Paged.js's handler of @page rules (src/modules/paged-media/atpage.js): finalizePage shapes a laid-out
 * page's margin boxes (which have content, the widths of each row) from the page's classes. */
export interface AtPageHandler {
  finalizePage(this: AtPageHandler, fragment: Element, page: { element: Element }): void;
}

/** The flow Paged.js's Previewer returns once every page is laid out. */
export interface Flow {
  total: number;
}

/** window.Paged, as Paged.js's browser build (dist/paged.js) installs it. */
export interface PagedGlobal {
  Previewer: new (settings: object) => { preview(): Promise<Flow> };
  Handler: new (...args: unknown[]) => object;
  registerHandlers(...handlers: unknown[]): void;
  registeredHandlers: { name: string; prototype: FootnotesHandler | AtPageHandler }[];
}

export function paged(): PagedGlobal {
  const found = (globalThis as unknown as { Paged?: PagedGlobal }).Paged;
  if (!found) throw new Error('Paged.js is not loaded in the page');
  return found;
}

export function footnotesHandler(): { prototype: FootnotesHandler } {
  const footnotes = paged().registeredHandlers.find((handler) => handler.name === 'Footnotes');
  if (!footnotes) throw new Error('Paged.js has no Footnotes handler: the fixes for its footnotes no longer apply');
  return footnotes as { prototype: FootnotesHandler };
}

export function atPageHandler(): { prototype: AtPageHandler } {
  const atPage = paged().registeredHandlers.find((handler) => handler.name === 'AtPage');
  if (!atPage || typeof (atPage.prototype as Partial<AtPageHandler>).finalizePage !== 'function')
    throw new Error('Paged.js has no AtPage handler with finalizePage: joining parts of a book no longer works');
  return atPage as { prototype: AtPageHandler };
}
