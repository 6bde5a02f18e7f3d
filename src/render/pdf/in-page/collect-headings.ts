// In the page, after pagination: every heading with the page it is on and its distance from the
// page's top (CSS px), for the PDF outline. Titles come from the text, spaces intact (Chromium's own
// outline runs together the words on either side of a line break).
import type { LayoutMarkers } from '../engine/layout-markers.js';
import type { PageHeading } from '../in-page-api.js';

export function collectHeadings(markers: LayoutMarkers): PageHeading[] {
  const headings: PageHeading[] = [];
  document.querySelectorAll(markers.page).forEach((page, index) => {
    const pageTop = page.getBoundingClientRect().top;
    page.querySelectorAll<HTMLElement>(`${markers.pageContent} :is(h1, h2, h3, h4, h5, h6)`).forEach((heading) => {
      // A heading split over two pages is listed once, where it starts.
      if (heading.closest(markers.footnote) || heading.hasAttribute(markers.continuation)) return;
      const copy = heading.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(`.noteref, ${markers.footnote}`).forEach((call) => call.remove());
      headings.push({
        page: index,
        top: heading.getBoundingClientRect().top - pageTop,
        level: Number(heading.tagName.slice(1)),
        title: (copy.textContent ?? '')
          .replace(/[\u00AD\u200B]/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
        section: heading.closest<HTMLElement>('[data-section]')?.dataset.section ?? '',
        part: heading.matches('h1.part-title'),
      });
    });
  });
  return headings;
}
