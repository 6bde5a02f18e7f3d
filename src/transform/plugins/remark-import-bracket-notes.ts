// Documents converted from Word or the web carry their notes as bracket numbers: calls such as
// `[\[1\]](#)`, `[1]` or `<sup>1</sup>` after a word, and a run of `[1] text` paragraphs near the end.
// Turn them into real footnotes (footnoteReference / footnoteDefinition), so the rest of the pipeline
// sees one kind of note. No library does this conversion; it is written here.
import type { FootnoteDefinition, FootnoteReference, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface ImportBracketNotesOptions {
  /** `auto`: only when the document has no Markdown footnotes and has a bracket-number list. */
  mode?: 'auto' | 'always' | 'never';
}

const definitionStart = /^\s*\\?\[(\d+)\\?\]\s*/;
const bracketCall = /\[(\d+)\]/g;

export default function remarkImportBracketNotes(options: ImportBracketNotesOptions = {}) {
  const mode = options.mode ?? 'auto';
  return (tree: Root, file: VFile) => {
    if (mode === 'never') return;
    let hasFootnotes = false;
    visit(tree, (node) => {
      if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference') hasFootnotes = true;
    });
    if (hasFootnotes && mode === 'auto') return;

    const run = lastDefinitionRun(tree.children);
    if (!run) return;
    const fail = (reason: string, node: { position?: RootContent['position'] }, rule: string) => {
      const message = file.message(reason, { place: node.position, ruleId: rule, source: 'avim-press' });
      message.fatal = true;
    };

    // The list: numbered 1, 2, 3 ... with no gap and no repeat.
    const definitions = new Map<string, FootnoteDefinition>();
    run.paragraphs.forEach((paragraph, index) => {
      const number = Number(definitionStart.exec(firstText(paragraph)?.value ?? '')![1]);
      const label = String(number);
      if (definitions.has(label)) fail(`Imported note [${number}] is numbered twice`, paragraph, 'import-notes-duplicate');
      else if (number !== index + 1 && !definitions.has(label)) {
        fail(`Imported note [${number}] breaks the numbering: expected [${index + 1}]`, paragraph, 'import-notes-gap');
      }
      const text = firstText(paragraph)!;
      text.value = text.value.replace(definitionStart, '');
      if (text.value === '') paragraph.children.shift();
      definitions.set(label, {
        type: 'footnoteDefinition',
        identifier: label,
        label,
        children: [paragraph],
        position: paragraph.position,
      });
    });

    // The calls, anywhere before the list.
    const called = new Set<string>();
    const reference = (label: string, position: RootContent['position']): FootnoteReference => {
      called.add(label);
      return { type: 'footnoteReference', identifier: label, label, position };
    };
    const body: Root = { type: 'root', children: tree.children.slice(0, run.start) };
    visit(body, (node, index, parent) => {
      if (!parent || index === undefined) return;
      // [\[1\]](#): a link to nothing whose text is the number.
      if (node.type === 'link' && (node.url === '#' || node.url === '')) {
        const label = /^\[?(\d+)\]?$/.exec(node.children.map((child) => ('value' in child ? child.value : '')).join(''))?.[1];
        if (label) {
          parent.children.splice(index, 1, callOrError(label, node));
          return [SKIP, index + 1];
        }
      }
      // <sup>1</sup>: inline HTML around a number.
      if (node.type === 'html' && /^<sup>$/i.test(node.value)) {
        const number = parent.children[index + 1];
        const close = parent.children[index + 2];
        if (number?.type === 'text' && /^\d+$/.test(number.value) && close?.type === 'html' && /^<\/sup>$/i.test(close.value)) {
          parent.children.splice(index, 3, callOrError(number.value, number));
          return [SKIP, index + 1];
        }
      }
      // intervention.[2] In: a bracket number in running text.
      if (node.type === 'text' && /\[\d+\]/.test(node.value)) {
        const parts = splitCalls(node);
        parent.children.splice(index, 1, ...parts);
        return [SKIP, index + parts.length];
      }
      return undefined;
    });

    function callOrError(label: string, node: PhrasingContent): PhrasingContent {
      if (!definitions.has(label)) {
        fail(`Imported call [${label}] has no note in the list of notes`, node, 'import-notes-undefined');
        return { type: 'text', value: `[${label}]`, position: node.position };
      }
      return reference(label, node.position);
    }

    function splitCalls(node: Text): PhrasingContent[] {
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(bracketCall)) {
        const label = match[1]!;
        // A bracket number with no such note is ordinary text ("[sic]" style references, years ...).
        if (!definitions.has(label)) continue;
        if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
        parts.push(reference(label, node.position));
        last = match.index + match[0].length;
      }
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      return parts.length > 0 ? parts : [node];
    }

    tree.children.splice(run.start, run.paragraphs.length, ...definitions.values());
    for (const [label, definition] of definitions) {
      if (!called.has(label)) {
        file.message(`Imported note [${label}] is never called in the text`, {
          place: definition.position,
          ruleId: 'note-unused',
          source: 'avim-press',
        });
      }
    }
  };
}

function firstText(paragraph: Paragraph): Text | undefined {
  const first = paragraph.children[0];
  return first?.type === 'text' ? first : undefined;
}

/** The last run of top-level paragraphs that each start with `[n]`. */
function lastDefinitionRun(children: RootContent[]): { start: number; paragraphs: Paragraph[] } | undefined {
  let end = -1;
  for (let index = children.length - 1; index >= 0; index--) {
    if (isDefinitionParagraph(children[index])) {
      end = index;
      break;
    }
  }
  if (end < 0) return undefined;
  let start = end;
  while (start > 0 && isDefinitionParagraph(children[start - 1])) start--;
  return { start, paragraphs: children.slice(start, end + 1) as Paragraph[] };
}

function isDefinitionParagraph(node: RootContent | undefined): node is Paragraph {
  if (node?.type !== 'paragraph') return false;
  const text = firstText(node);
  return text !== undefined && definitionStart.test(text.value);
}
