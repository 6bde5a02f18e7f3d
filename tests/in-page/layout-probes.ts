// In the page, for the tripwire tests only: looks at what Paged.js made, without any of the adapter's
// fixes in the way. Built by tests/helpers/layout-engine.ts into one browser script (tsconfig.in-page.json
// checks its types) that installs window.avimPressProbes.
import { PRINT_CONTAINERS } from '../../src/render/pdf/engine/layout-markers.js';
import type { PagedjsPageWindow } from '../../src/render/pdf/engine/pagedjs/page-api.js';
import type { LayoutProbes, LayoutProbesWindow, OverflowHookCall, PagedInternals } from '../helpers/layout-probes-api.js';

interface PagedGlobal {
  Handler: new (...args: unknown[]) => object;
  registerHandlers(...handlers: unknown[]): void;
  registeredHandlers: { name: string; prototype: Record<string, unknown> }[];
  Previewer?: { prototype: { preview?: unknown } };
}
const paged = () => (globalThis as unknown as { Paged: PagedGlobal }).Paged;
const text = (element: Element | null) =>
  (element?.textContent ?? '')
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const overflowCalls: OverflowHookCall[] = [];
let animationFrames = 0;

const probes: LayoutProbes = {
  placeNotesAtCalls() {
    const store = document.querySelector<HTMLTemplateElement>(PRINT_CONTAINERS.footnotes)!;
    const content = document.querySelector<HTMLTemplateElement>(PRINT_CONTAINERS.publication)!.content;
    for (const note of Array.from(store.content.querySelectorAll<HTMLElement>('.footnote'))) {
      // A call inside a note already placed is found there, and its note goes in beside it.
      content.getElementById(note.dataset.call ?? '')?.after(note);
    }
    store.remove();
  },
  pages() {
    return Array.from(document.querySelectorAll('.pagedjs_page'), (page) => {
      const area = page.querySelector<HTMLElement>('.pagedjs_area')!;
      return {
        content: text(page.querySelector('.pagedjs_page_content')),
        footnotes: text(page.querySelector('.pagedjs_footnote_area')),
        footnotesHeight: parseFloat(area.style.getPropertyValue('--pagedjs-footnotes-height')) || 0,
        areaHeight: area.getBoundingClientRect().height,
      };
    });
  },
  pageOfCall(selector) {
    return Array.from(document.querySelectorAll('.pagedjs_page')).findIndex((page) => page.querySelector(`.pagedjs_page_content ${selector}`)) + 1;
  },
  noteMarks() {
    return {
      ids: Array.from(document.querySelectorAll('[data-note="footnote"]'), (note) => note.id),
      calls: document.querySelectorAll('[data-footnote-call]').length,
    };
  },
  footnoteMarginTops() {
    return Array.from(document.querySelectorAll('.pagedjs_footnote_content'), (content) => getComputedStyle(content).marginTop);
  },
  internals() {
    const Paged = paged();
    const footnotes = Paged.registeredHandlers.find((handler) => handler.name === 'Footnotes');
    const arity = (value: unknown) => (typeof value === 'function' ? value.length : -1);
    const shape: PagedInternals = {
      handlers: Paged.registeredHandlers.map((handler) => handler.name),
      footnotes: footnotes ? { moveFootnote: arity(footnotes.prototype.moveFootnote), afterPageLayout: arity(footnotes.prototype.afterPageLayout) } : null,
      handlerClass: typeof Paged.Handler === 'function',
      registerHandlers: typeof Paged.registerHandlers === 'function',
      previewer: typeof Paged.Previewer?.prototype.preview === 'function',
    };
    return shape;
  },
  recordOverflowHook() {
    const Paged = paged();
    class RecordOverflow extends Paged.Handler {
      onOverflow(overflow: unknown, rendered: unknown, bounds: unknown): undefined {
        overflowCalls.push({
          overflow: overflow instanceof Range ? 'range' : overflow === undefined ? 'undefined' : 'other',
          rendered: rendered instanceof Element ? 'element' : 'other',
          bounds: bounds instanceof DOMRect ? 'rect' : 'other',
        });
        return undefined;
      }
    }
    Paged.registerHandlers(RecordOverflow);
  },
  overflowHookCalls() {
    return overflowCalls;
  },
  markerMatches(markers) {
    const count = (selector: string) => document.querySelectorAll(selector).length;
    const pages = markers.page;
    return {
      page: count(pages),
      pageContent: count(`${pages} ${markers.pageContent}`),
      pageFootnotes: count(`${pages} ${markers.pageFootnotes}`),
      marginBox: count(`${pages} ${markers.marginBox}`),
      footnote: count(`${pages} ${markers.footnote}`),
      sourceRef: count(`${pages} [${markers.sourceRef}]`),
      continues: count(`${pages} [${markers.continues}]`),
      continuation: count(`${pages} [${markers.continuation}]`),
    };
  },
  pageStrings(names) {
    const read = (element: HTMLElement | null | undefined) => names.map((name) => element?.style.getPropertyValue(name) ?? '');
    const reparsed = (style: string | null | undefined) => {
      const element = document.createElement('div');
      element.setAttribute('style', style ?? '');
      return read(element);
    };
    const page = document.querySelector<HTMLElement>('.pagedjs_page');
    const set = read(page);
    const written = reparsed(page?.getAttribute('style'));
    const holder = document.createElement('div');
    holder.innerHTML = (window as unknown as PagedjsPageWindow).avimPressPagedjs.exportPages();
    return { set, written, exported: reparsed(holder.querySelector('.pagedjs_page')?.getAttribute('style')) };
  },
  countAnimationFrames() {
    const request = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => {
      animationFrames += 1;
      return request(callback);
    };
  },
  animationFrames() {
    return animationFrames;
  },
  paragraphStarts(letters) {
    const pages = Array.from(document.querySelectorAll('.pagedjs_page'));
    return Array.from(document.querySelectorAll('.pagedjs_page_content p'), (paragraph) => {
      const range = document.createRange();
      const first = paragraph.firstChild;
      if (first?.nodeType !== Node.TEXT_NODE) return { page: 0, width: 0 };
      range.setStart(first, 0);
      range.setEnd(first, Math.min(letters, (first as Text).length));
      return { page: pages.indexOf(paragraph.closest('.pagedjs_page')!) + 1, width: range.getBoundingClientRect().width };
    });
  },
};
(window as unknown as LayoutProbesWindow).avimPressProbes = probes;
