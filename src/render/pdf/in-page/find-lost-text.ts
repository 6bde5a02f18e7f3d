// In the page, after pagination: what Paged.js laid out but no page shows. Paged.js can lose text
// without an error: it stops when it thinks it is looping ("Layout repeated"), and text pushed past a
// page's area by a note laid out later is clipped (both seen). Every element of the publication must
// be on a page, and no text may lie outside the area that shows it.
export function findLostText(): string[] {
  const lost: string[] = [];
  const snippet = (text: string | null) => (text ?? '').replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim().slice(0, 60);
  const source = document.querySelector<HTMLTemplateElement>('template[data-ref="pagedjs-content"]')?.content;
  const pages = document.querySelector('.pagedjs_pages');
  if (!source || !pages) return ['the publication was not laid out'];
  const shown = new Set(Array.from(pages.querySelectorAll<HTMLElement>('[data-ref]'), (element) => element.dataset.ref));
  for (const element of Array.from(source.querySelectorAll<HTMLElement>('[data-ref]'))) {
    if (shown.has(element.dataset.ref)) continue;
    lost.push(`not on any page: <${element.tagName.toLowerCase()}> "${snippet(element.textContent)}"`);
    if (lost.length >= 5) return lost;
  }
  const range = document.createRange();
  pages.querySelectorAll('.pagedjs_page').forEach((page, index) => {
    for (const box of Array.from(page.querySelectorAll('.pagedjs_page_content, .pagedjs_footnote_content'))) {
      const bounds = box.getBoundingClientRect();
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        range.selectNodeContents(node);
        const outside = Array.from(range.getClientRects()).some(
          (rect) => rect.width > 0 && (rect.left >= bounds.right - 0.5 || rect.top >= bounds.bottom - 0.5),
        );
        if (outside) lost.push(`cut off at the foot of page ${index + 1}: "${snippet(node.textContent)}"`);
      }
    }
  });
  return lost.slice(0, 5);
}
