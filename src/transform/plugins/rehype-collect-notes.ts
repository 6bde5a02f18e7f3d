// Lift the notes out of the body into file.data.notes, numbered 1, 2, 3 ... in order of first call
// (remark-rehype already orders them so), and give every call a stable id and the ARIA role both
// renderers need: <a class="noteref" href="#fn-N" id="fnref-N[-k]" role="doc-noteref">N</a>.
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Note } from '../../publication/model.js';
import '../file-data.js';

export default function rehypeCollectNotes() {
  return (tree: Root, file: VFile) => {
    const notes: Note[] = [];
    const byOldId = new Map<string, Note>();
    let notesSection: { parent: Root | Element; index: number } | undefined;

    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'section' || node.properties.dataFootnotes === undefined || !parent || index === undefined) return;
      notesSection = { parent, index };
      const list = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol');
      for (const item of list?.children ?? []) {
        if (item.type !== 'element' || item.tagName !== 'li') continue;
        const number = notes.length + 1;
        const note: Note = { number, id: `fn-${number}`, calls: [], content: withoutBackrefs(item.children) };
        notes.push(note);
        byOldId.set(String(item.properties.id), note);
      }
      return 'skip';
    });
    if (notesSection) notesSection.parent.children.splice(notesSection.index, 1);

    // Calls in the text, then calls inside notes (a note may call another, or itself).
    const callsIn = (root: Root | Element) =>
      visit(root, 'element', (node) => {
        if (node.tagName !== 'a' || node.properties.dataFootnoteRef === undefined) return;
        const note = byOldId.get(String(node.properties.href).replace(/^#/, ''));
        if (!note) return;
        const id = note.calls.length === 0 ? `fnref-${note.number}` : `fnref-${note.number}-${note.calls.length + 1}`;
        note.calls.push(id);
        node.properties = { href: `#${note.id}`, id, className: ['noteref'], role: 'doc-noteref' };
        node.children = [{ type: 'text', value: String(note.number) }];
      });
    callsIn(tree);
    for (const note of notes) for (const block of note.content) callsIn(block);

    file.data.notes = notes;
  };
}

/** The note's blocks, without remark-rehype's ↩ back links (each renderer writes its own). A note
 * that ends in a paragraph has its back link inside it; one that ends in a list, a quote, code or a
 * table has it after that block, as a child of the list item itself. */
function withoutBackrefs(children: ElementContent[]): Element[] {
  const isBackref = (node: ElementContent) => node.type === 'element' && node.tagName === 'a' && node.properties.dataFootnoteBackref !== undefined;
  const blocks = children.filter((child): child is Element => child.type === 'element' && !isBackref(child));
  for (const block of blocks) {
    visit(block, 'element', (node, index, parent) => {
      if (isBackref(node) && parent && index !== undefined) {
        parent.children.splice(index, 1);
        const previous = parent.children[index - 1];
        if (previous?.type === 'text') previous.value = previous.value.replace(/\s+$/, '');
        return index;
      }
      return undefined;
    });
  }
  return blocks;
}
