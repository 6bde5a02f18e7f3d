// In the page, before pagination: a Paged.js handler for a page where the numbering starts again (a
// book's first arabic page: `counter-reset: page 1` in print.css). Paged.js 0.4.3 gives that page the
// rule `counter-reset: page 1`, which Chromium scopes to that page alone: the next page's folio went on
// from the page before the reset. The contents' numbers (target-counter) are already reckoned the
// intended way; once every page is laid out, the folios are made to agree by setting the one page
// counter on that page instead of starting another.
import { paged } from './paged-internals.js';

export function registerContinuePageNumbers(): void {
  const Paged = paged();
  class ContinuePageNumbers extends Paged.Handler {
    afterRendered(): void {
      // The first piece of a split element is where the reset is (Paged.js's own selector).
      for (const start of Array.from(document.querySelectorAll<HTMLElement>('[data-counter-page-reset]:not([data-split-from])'))) {
        const page = start.closest<HTMLElement>('.pagedjs_page');
        if (!page) continue;
        page.style.setProperty('counter-reset', 'none');
        page.style.setProperty('counter-increment', 'none');
        page.style.setProperty('counter-set', `page ${Number(start.dataset.counterPageReset) || 0}`);
      }
    }
  }
  Paged.registerHandlers(ContinuePageNumbers);
}
