// The chunks of a long print (print-chunks.ts) joined into the one PDF a single print would have made:
//   - the pages in order;
//   - each chunk's tagged structure under the first chunk's Document element, its parent-tree keys (the
//     pages' StructParents, the links' StructParent) moved past the keys of the chunks before, and its
//     elements' ids (a table's header cells, which its other cells name) in the one ID tree;
//   - every chunk's named destinations in one /Dests: a link to a heading in another chunk names it
//     (Chromium writes a link to any id of the document, laid out or not, and a destination for each
//     link target it lays out), so it finds its target once the chunks are one file;
//   - the font subsets of a later chunk given tags of their own: a tag names one subset in a file (PDF
//     32000-1, 9.6.4), and each chunk's print starts its tags again.
// By hand because pdf-lib's copyPages copies pages alone, without the structure their marked content
// belongs to, and no maintained JavaScript library merges tagged PDFs.
import {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';

const key = (name: string) => PDFName.of(name);

const load = (bytes: Uint8Array) =>
  // pdf-lib yields to the event loop every 100 objects by default: nothing else runs meanwhile (docs/speed.md).
  PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });

/** The printed chunks as one document (the first chunk's, the others' pages and structure added). */
export async function mergePrinted(printed: Uint8Array[]): Promise<PDFDocument> {
  const [first, ...rest] = printed;
  if (!first) throw new Error('nothing was printed');
  const merged = await load(first);
  if (rest.length === 0) return merged;
  const structure = structureOf(merged, 'the first chunk');
  const entries = [...numberTree(structure.parentTree)];
  const ids = [...nameTree(structure.root.lookupMaybe(key('IDTree'), PDFDict))];
  const kids = documentKids(structure.document);
  let destinations = merged.catalog.lookupMaybe(key('Dests'), PDFDict);
  if (!destinations) merged.catalog.set(key('Dests'), (destinations = merged.context.obj({})));
  let nextKey = structure.nextKey;
  for (const [index, bytes] of rest.entries()) {
    const chunk = await load(bytes);
    const from = structureOf(chunk, `chunk ${index + 2}`);
    const copier = PDFObjectCopier.for(chunk.context, merged.context);
    // The chunk's Document element lets go of its root, or copying its children would copy the root too.
    from.document.delete(key('P'));
    const pages: PDFPageLeaf[] = [];
    for (const page of chunk.getPages()) {
      const ref = copier.copy(page.ref);
      const node = merged.context.lookup(ref, PDFDict) as PDFPageLeaf;
      merged.addPage(PDFPage.of(node, ref, merged));
      shift(node, 'StructParents', nextKey);
      for (const annotation of node.Annots()?.asArray() ?? []) shift(merged.context.lookup(annotation, PDFDict), 'StructParent', nextKey);
      pages.push(node);
    }
    for (const kid of documentKids(from.document).asArray()) {
      const copied = copier.copy(kid);
      if (copied instanceof PDFRef) merged.context.lookup(copied, PDFDict).set(key('P'), structure.documentRef);
      kids.push(copied);
    }
    for (const [number, value] of numberTree(from.parentTree)) entries.push([number + nextKey, copier.copy(value)]);
    for (const [id, value] of nameTree(from.root.lookupMaybe(key('IDTree'), PDFDict))) ids.push([id.clone(), copier.copy(value)]);
    nextKey += from.nextKey;
    for (const [name, destination] of chunk.catalog.lookupMaybe(key('Dests'), PDFDict)?.entries() ?? []) {
      if (!destinations.has(name)) destinations.set(name, copier.copy(destination));
    }
    retagFonts(merged.context, pages, index + 1);
  }
  const nums = merged.context.obj([]);
  for (const [number, value] of entries) {
    nums.push(PDFNumber.of(number));
    nums.push(value);
  }
  structure.parentTree.delete(key('Kids'));
  structure.parentTree.set(key('Nums'), nums);
  structure.root.set(key('ParentTreeNextKey'), PDFNumber.of(nextKey));
  if (ids.length > 0) {
    // A name tree's keys in order (PDF 32000-1, 7.9.6); an id is one element's, in one chunk.
    const names = merged.context.obj([]);
    const seen = new Set<string>();
    for (const [id, value] of ids.sort(([a], [b]) => (a.decodeText() < b.decodeText() ? -1 : a.decodeText() > b.decodeText() ? 1 : 0))) {
      if (seen.has(id.decodeText())) continue;
      seen.add(id.decodeText());
      names.push(id);
      names.push(value);
    }
    const idTree = structure.root.lookupMaybe(key('IDTree'), PDFDict);
    if (idTree) {
      idTree.delete(key('Kids'));
      idTree.set(key('Names'), names);
    } else structure.root.set(key('IDTree'), merged.context.obj({ Names: names }));
  }
  return merged;
}

interface Structure {
  root: PDFDict;
  documentRef: PDFRef;
  document: PDFDict;
  parentTree: PDFDict;
  nextKey: number;
}

/** What Chromium writes in the structure's root: anything else is not joined, and stops the join. */
const ROOT_KEYS = new Set(['Type', 'K', 'ParentTree', 'ParentTreeNextKey', 'IDTree']);

/** Chromium's tagged structure: a root whose one child is the Document element, and a parent tree. */
function structureOf(pdf: PDFDocument, which: string): Structure {
  const root = pdf.catalog.lookupMaybe(key('StructTreeRoot'), PDFDict);
  const unknown = root?.keys().find((name) => !ROOT_KEYS.has(name.decodeText()));
  if (unknown) throw new Error(`The print of ${which} has ${unknown.decodeText()} in its structure's root, which the join of chunks does not know`);
  const documentRef = root?.get(key('K'));
  const parentTree = root?.lookupMaybe(key('ParentTree'), PDFDict);
  const nextKey = root?.lookupMaybe(key('ParentTreeNextKey'), PDFNumber);
  if (!root || !(documentRef instanceof PDFRef) || !parentTree || !nextKey) throw new Error(`The print of ${which} has no tagged structure of the kind Chromium writes; the chunks cannot be joined`);
  return { root, documentRef, document: pdf.context.lookup(documentRef, PDFDict), parentTree, nextKey: nextKey.asNumber() };
}

/** The Document element's children as an array it holds (one child is written without an array). */
function documentKids(document: PDFDict): PDFArray {
  const kids = document.get(key('K'));
  const held = kids instanceof PDFRef ? document.context.lookup(kids) : kids;
  if (held instanceof PDFArray) return held;
  const array = document.context.obj(kids === undefined ? [] : [kids]);
  document.set(key('K'), array);
  return array;
}

/** A number tree's (/Nums) or name tree's (/Names) entries in order: a leaf's own, then its /Kids' leaves. */
function* treeEntries(node: PDFDict | undefined, leaf: 'Nums' | 'Names'): Generator<[PDFObject, PDFObject]> {
  const entries = node?.lookupMaybe(key(leaf), PDFArray);
  for (let at = 0; entries && at + 1 < entries.size(); at += 2) yield [entries.lookup(at) as PDFObject, entries.get(at + 1)];
  const kids = node?.lookupMaybe(key('Kids'), PDFArray);
  for (let at = 0; kids && at < kids.size(); at++) yield* treeEntries(kids.lookup(at, PDFDict), leaf);
}

function* numberTree(node: PDFDict): Generator<[number, PDFObject]> {
  for (const [number, value] of treeEntries(node, 'Nums')) if (number instanceof PDFNumber) yield [number.asNumber(), value];
}

function* nameTree(node: PDFDict | undefined): Generator<[PDFString | PDFHexString, PDFObject]> {
  for (const [name, value] of treeEntries(node, 'Names')) if (name instanceof PDFString || name instanceof PDFHexString) yield [name, value];
}

function shift(dict: PDFDict, name: string, by: number): void {
  const value = dict.lookupMaybe(key(name), PDFNumber);
  if (value) dict.set(key(name), PDFNumber.of(value.asNumber() + by));
}

const SUBSET_TAG = /^[A-Z]{6}\+/;

/** The subset fonts the chunk's pages use, their six-letter tags ending in the chunk's number (AA for the first chunk's). */
function retagFonts(context: PDFContext, pages: PDFPageLeaf[], chunk: number): void {
  const ending = String.fromCharCode(65 + (Math.floor(chunk / 26) % 26), 65 + (chunk % 26));
  const retag = (dict: PDFDict | undefined, name: string) => {
    const value = dict?.lookupMaybe(key(name), PDFName)?.decodeText();
    if (dict && value && SUBSET_TAG.test(value)) dict.set(key(name), PDFName.of(`${value.slice(0, 4)}${ending}${value.slice(6)}`));
  };
  const seen = new Set<PDFDict>();
  const visit = (resources: PDFDict | undefined) => {
    if (!resources || seen.has(resources)) return;
    seen.add(resources);
    for (const [, ref] of resources.lookupMaybe(key('Font'), PDFDict)?.entries() ?? []) {
      const font = context.lookup(ref, PDFDict);
      if (seen.has(font)) continue;
      seen.add(font);
      retag(font, 'BaseFont');
      retag(font.lookupMaybe(key('FontDescriptor'), PDFDict), 'FontName');
      const descendants = font.lookupMaybe(key('DescendantFonts'), PDFArray);
      for (let at = 0; descendants && at < descendants.size(); at++) {
        const descendant = descendants.lookup(at, PDFDict);
        retag(descendant, 'BaseFont');
        retag(descendant.lookupMaybe(key('FontDescriptor'), PDFDict), 'FontName');
      }
    }
    for (const [, ref] of resources.lookupMaybe(key('XObject'), PDFDict)?.entries() ?? []) {
      const object = context.lookup(ref);
      if (object instanceof PDFStream) visit(object.dict.lookupMaybe(key('Resources'), PDFDict));
    }
  };
  for (const page of pages) visit(page.lookupMaybe(key('Resources'), PDFDict));
}
