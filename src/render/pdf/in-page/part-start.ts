// In the page, before the layout engine runs (it takes the page-break rules out of the stylesheet): the
// side a part of a book laid out apart must start on, as its first element's `break-before` asks where
// it follows other text (not as the first child it is in the part, which a `:first-child` rule may
// release). The join (render-pdf.ts) puts a blank page before the part when it would start on the
// other side; a part whose first element does not start a page at all (a stylesheet without a break
// before chapters) cannot be laid out apart.
import { PRINT_CONTAINERS } from '../engine/layout-markers.js';
import type { PartStart } from '../in-page-api.js';

export function partStartSide(): PartStart {
  const first = document.querySelector<HTMLTemplateElement>(PRINT_CONTAINERS.publication)?.content.firstElementChild;
  const element = first?.firstElementChild;
  if (!first || !element) return 'none';
  const container = first.cloneNode(false) as HTMLElement;
  const probe = element.cloneNode(false) as HTMLElement;
  container.append(document.createElement('div'), probe);
  container.style.setProperty('position', 'absolute');
  container.style.setProperty('visibility', 'hidden');
  document.body.append(container);
  const breakBefore = getComputedStyle(probe).breakBefore;
  container.remove();
  if (breakBefore === 'right' || breakBefore === 'recto') return 'right';
  if (breakBefore === 'left' || breakBefore === 'verso') return 'left';
  return breakBefore === 'page' || breakBefore === 'always' ? 'page' : 'none';
}
