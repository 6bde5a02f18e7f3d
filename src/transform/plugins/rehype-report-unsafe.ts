// rehype-sanitize removes what is unsafe without a word; an editor should hear what was dropped and
// where. This runs just before it and reports, as warnings, what the same schema will not keep:
// elements it does not allow, attributes it does not allow on them, and URLs whose protocol it refuses.
import type { Element, Root } from 'hast';
import { find, html } from 'property-information';
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { OBSOLETE_OR_MISPLACED } from '../sanitize-schema.js';

type AttributeRule = string | [string, ...unknown[]];

/** Elements HTML5 has dropped that only set a look: harmless, their text kept (rehype-modernize-html
 * gives `<center>`, `<tt>`, `<strike>` and `<acronym>` their HTML5 form first). */
const OBSOLETE_ELEMENTS = new Set(['big', 'font', 'basefont', 'blink', 'nobr', 'spacer', 'marquee']);

function attributeNames(rules: AttributeRule[] | undefined): Set<string> {
  return new Set((rules ?? []).map((rule) => (Array.isArray(rule) ? rule[0] : rule)));
}

export default function rehypeReportUnsafe(schema: SanitizeSchema) {
  const tags = new Set(schema.tagNames ?? []);
  const everywhere = attributeNames(schema.attributes?.['*']);
  const protocols = schema.protocols ?? {};
  const allowedOn = (tag: string) => new Set([...everywhere, ...attributeNames(schema.attributes?.[tag])]);

  return (tree: Root, file: VFile) => {
    const warn = (node: Element, reason: string, ruleId = 'unsafe-html') => {
      file.message(reason, { place: node.position, ruleId, source: 'avim-press' });
    };
    visit(tree, 'element', (node) => {
      if (!tags.has(node.tagName) && OBSOLETE_ELEMENTS.has(node.tagName)) {
        warn(node, `Removed <${node.tagName}>, kept its text: HTML5 has no such element (the look is the stylesheets' to set)`, 'html-invalid');
        return undefined;
      }
      if (!tags.has(node.tagName)) {
        const target = node.properties.src ?? node.properties.href ?? node.properties.data;
        const content = schema.strip?.includes(node.tagName) ? ' and its content' : '';
        warn(node, `Removed <${node.tagName}${target ? ` ${String(target)}` : ''}>${content}: not allowed in a manuscript`);
        return 'skip';
      }
      const allowed = allowedOn(node.tagName);
      for (const [name, value] of Object.entries(node.properties)) {
        if (value === undefined || value === null || value === false) continue;
        const text = Array.isArray(value) ? value.join(' ') : String(value);
        const attribute = find(html, name).attribute;
        if (!allowed.has(name)) {
          if (OBSOLETE_OR_MISPLACED.has(name))
            warn(node, `Removed ${attribute}="${text}" from <${node.tagName}>: HTML5 has no such attribute there, and an EPUB may not carry it (the look is the stylesheets' to set)`, 'html-invalid');
          else warn(node, `Removed ${attribute}="${text}" from <${node.tagName}>: not allowed in a manuscript`);
          continue;
        }
        const allowedProtocols = protocols[name];
        const protocol = /^\s*([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
        if (allowedProtocols && protocol && !allowedProtocols.includes(protocol)) {
          warn(node, `Removed the ${protocol}: ${attribute} of <${node.tagName}>: only ${allowedProtocols.join(', ')} links are kept`);
        }
      }
      return undefined;
    });
  };
}
