// hast → XHTML text for EPUB content documents. EPUB requires well-formed XML: hast-util-to-xast
// gives boolean attributes a value and escapes for XML, xast-util-to-xml writes it out.
import type { ElementContent, Root, RootContent } from 'hast';
import { toXast } from 'hast-util-to-xast';
import { toXml } from 'xast-util-to-xml';

export function toXhtml(nodes: Root | RootContent[]): string {
  const children = (Array.isArray(nodes) ? nodes : nodes.children).filter((node): node is ElementContent => node.type !== 'doctype');
  // Converted inside one wrapper, only the wrapper carries xmlns (the chapter template declares it).
  const wrapper = toXast({ type: 'element', tagName: 'div', properties: {}, children }, { space: 'html' });
  const xml = wrapper.type === 'element' ? toXml(wrapper.children) : toXml(wrapper);
  // XML forbids "]]>" in text (xast-util-to-xml leaves ">" as it is); escaped, it means the same.
  return xml.replaceAll(']]>', ']]&gt;');
}
