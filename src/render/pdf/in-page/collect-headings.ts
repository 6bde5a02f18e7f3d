// In the page, after pagination: every heading with the page it is on and its distance from the
// page's top (CSS px), for the PDF outline. Titles come from the text, spaces intact (Chromium's own
// outline runs together the words on either side of a line break).
export interface PageHeading {
  page: number;
  top: number;
  level: number;
  title: string;
  section: string;
}

export function collectHeadings(): PageHeading[] {
  const headings: PageHeading[] = [];
  document.querySelectorAll('.pagedjs_page').forEach((page, index) => {
    const pageTop = page.getBoundingClientRect().top;
    page.querySelectorAll<HTMLElement>('.pagedjs_page_content :is(h1, h2, h3, h4, h5, h6)').forEach((heading) => {
      // A heading Paged.js split over two pages is listed once, where it starts.
      if (heading.closest('[data-note]') || heading.hasAttribute('data-split-from')) return;
      const copy = heading.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.noteref, [data-note]').forEach((call) => call.remove());
      headings.push({
        page: index,
        top: heading.getBoundingClientRect().top - pageTop,
        level: Number(heading.tagName.slice(1)),
        title: (copy.textContent ?? '').replace(/[\u00AD\u200B]/g, '').replace(/\s+/g, ' ').trim(),
        section: heading.closest<HTMLElement>('[data-section]')?.dataset.section ?? '',
      });
    });
  });
  return headings;
}
