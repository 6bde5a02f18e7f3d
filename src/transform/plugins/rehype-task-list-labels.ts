// A GFM task list item's checkbox (`- [x] done`) is a form control: reading systems and DAISY Ace
// require it to have a label. It is given one in the document's language ("done" / "to do"), and
// stays disabled: a book is not a form.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { LanguageCode } from '../../load/frontmatter-schema.js';
import type { Labels } from '../../load/locale-schema.js';
import '../file-data.js';

export interface TaskListLabelsOptions {
  labels?: Record<LanguageCode, Labels>;
}

export default function rehypeTaskListLabels(options: TaskListLabelsOptions) {
  return (tree: Root, file: VFile) => {
    const labels = options.labels?.[file.data.lang ?? 'en'];
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'input' || node.properties.type !== 'checkbox') return;
      const checked = node.properties.checked === true || node.properties.checked === '';
      node.properties.disabled = true;
      node.properties.ariaLabel = checked ? (labels?.taskDone ?? 'done') : (labels?.taskOpen ?? 'to do');
    });
  };
}
