// In the page, after pagination: page breaks that the print rules forbid and the layout should have
// avoided: a paragraph left with fewer lines than its CSS `orphans` at the foot of a page or `widows`
// at the head of the next (Paged.js marks the two parts data-split-to and -from), or a heading last
// on its page, cut off from the text it heads.
export function countBreakFaults(): { orphans: number; widows: number; headings: number; where: string[] } {
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
  const result = { orphans: 0, widows: 0, headings: 0, where: [] as string[] };
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
    const content = page.querySelector('.pagedjs_page_content');
    for (const heading of Array.from(content?.querySelectorAll('h1, h2, h3, h4, h5, h6') ?? [])) {
      const after = document.createRange();
      after.setStartAfter(heading);
      after.setEndAfter(content!.lastChild!);
      if (after.toString().trim() === '' && !heading.closest('.visually-hidden, .part-title-page, .part-colophon')) {
        result.headings += 1;
        result.where.push(`page ${index + 1}: heading "${(heading.textContent ?? '').trim().slice(0, 40)}" last on the page`);
      }
    }
  });
  return result;
}
