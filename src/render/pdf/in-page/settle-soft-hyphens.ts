// In the page, after pagination: keep a soft hyphen only where Chromium broke the line at it, as a
// hyphen-minus (what Chromium draws there when the font has no U+2010, as the brand's fonts do not),
// and delete every other one: a soft hyphen left in an unbroken word stays in the PDF's text layer
// and breaks search and copy. A break is where the letters either side sit on different lines (the
// soft hyphen's own width says nothing: inside an "ff" ligature it gets a share of the glyph).
// Deleting an unbroken soft hyphen (no width) and writing "-" where one was drawn move nothing; the
// function checks that every changed element kept its box.
export function settleSoftHyphens(): { broken: number; removed: number; moved: number } {
  const SOFT = '\u00AD';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.includes(SOFT)) nodes.push(node as Text);
  }
  const range = document.createRange();
  /** The text node that ends its page's flow (Paged.js split the word there). */
  const endsPage = (node: Text): boolean => {
    const area = node.parentElement?.closest('.pagedjs_page_content, .pagedjs_footnote_inner_content');
    if (!area) return false;
    const texts = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
    let last: Node | null = null;
    for (let text = texts.nextNode(); text; text = texts.nextNode()) if ((text as Text).data.trim()) last = text;
    return last === node;
  };
  /** The middle of the line a character sits on (its last box: a range may also hold the hyphen drawn before it). */
  const lineMiddle = (node: Text, index: number): number => {
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    const rects = range.getClientRects();
    const rect = rects[rects.length - 1];
    return rect ? rect.top + rect.height / 2 : NaN;
  };
  // Measure everything first, then write: a read after each write would lay the page out again.
  const plans = nodes.map((node) => {
    const broken = new Set<number>();
    for (let index = node.data.indexOf(SOFT); index !== -1; index = node.data.indexOf(SOFT, index + 1)) {
      const last = index === node.data.length - 1;
      if (last ? endsPage(node) : index > 0 && lineMiddle(node, index + 1) - lineMiddle(node, index - 1) > 1) broken.add(index);
    }
    const parent = node.parentElement!;
    return { node, broken, parent, box: parent.getBoundingClientRect() };
  });
  let broken = 0;
  let removed = 0;
  for (const plan of plans) {
    let text = '';
    for (let index = 0; index < plan.node.data.length; index++) {
      const character = plan.node.data[index]!;
      if (character !== SOFT) text += character;
      else if (plan.broken.has(index)) {
        text += '-';
        broken += 1;
      } else removed += 1;
    }
    plan.node.data = text;
  }
  let moved = 0;
  for (const plan of plans) {
    const box = plan.parent.getBoundingClientRect();
    if (Math.abs(box.height - plan.box.height) > 0.5 || Math.abs(box.top - plan.box.top) > 0.5) moved += 1;
  }
  return { broken, removed, moved };
}
