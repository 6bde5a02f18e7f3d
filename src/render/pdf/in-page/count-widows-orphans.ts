// In the page, after pagination: paragraphs a page break leaves with fewer lines than their CSS
// `orphans` at the foot of a page or `widows` at the head of the next (what register-break-rules.ts
// is there to prevent). Paged.js marks the two parts of a split element data-split-to and -from.
export function countWidowsOrphans(): { orphans: number; widows: number; where: string[] } {
  const BLOCK = 'p, li, dd, dt, figcaption, blockquote';
  const range = document.createRange();
  /** Lines of an element's text: full-height boxes make the lines; smaller ones (superscripts,
   * raised into the line above's height) count only where no line holds their middle. */
  const lines = (element: Element): number => {
    range.selectNodeContents(element);
    const boxes = Array.from(range.getClientRects()).filter((rect) => rect.width > 0 && rect.height > 0);
    const tallest = Math.max(0, ...boxes.map((box) => box.height));
    const found: DOMRect[] = [];
    for (const box of boxes.filter((box) => box.height >= tallest * 0.9)) if (!found.some((line) => Math.abs(line.top - box.top) < 1)) found.push(box);
    for (const box of boxes) {
      const middle = box.top + box.height / 2;
      if (!found.some((line) => middle >= line.top - 1 && middle <= line.bottom + 1)) found.push(box);
    }
    return found.length;
  };
  const result = { orphans: 0, widows: 0, where: [] as string[] };
  document.querySelectorAll('.pagedjs_page').forEach((page, index) => {
    for (const element of Array.from(page.querySelectorAll(`.pagedjs_page_content :is(${BLOCK})`))) {
      const style = getComputedStyle(element);
      const text = (element.textContent ?? '').replace(/\u00AD/g, '').trim().slice(0, 40);
      if (element.hasAttribute('data-split-to') && lines(element) < Number(style.orphans)) {
        result.orphans += 1;
        result.where.push(`page ${index + 1}: "${text}"`);
      }
      if (element.hasAttribute('data-split-from') && lines(element) < Number(style.widows)) {
        result.widows += 1;
        result.where.push(`page ${index + 1}: "${text}"`);
      }
    }
  });
  return result;
}
