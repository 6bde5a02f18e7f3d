// Every word the tool writes, per language (templates/locales/<lang>.yaml). A locale file must give
// every label: a missing translation is an error at load, not an "undefined" in a book.
import { z } from 'zod';

const label = z.string().min(1);
/** A label with numbers put in where it names them ("{count} pages"): each name must be there. */
const labelWith = (...names: string[]) => label.refine((text) => names.every((name) => text.includes(`{${name}}`)), { error: `must name ${names.map((name) => `{${name}}`).join(' and ')}` });

export const localeSchema = z.strictObject({
  notes: label,
  aboutTheAuthor: label,
  aboutTheAuthors: label,
  contents: label,
  /** A book's lists of its captioned figures and tables (print and navigation). */
  listOfFigures: label,
  listOfTables: label,
  titlePage: label,
  cover: label,
  colophon: label,
  startOfContent: label,
  by: label,
  photoCredit: label,
  address: label,
  phone: label,
  fax: label,
  email: label,
  website: label,
  social: label,
  published: label,
  edition: label,
  isbn: label,
  isbnPdf: label,
  isbnEpub: label,
  identifier: label,
  title: label,
  author: label,
  authors: label,
  series: label,
  allRightsReserved: label,
  producedWith: label,
  /** A book's front matter: the preface's title, the copyright page, its cataloguing record. */
  preface: label,
  copyrightPage: label,
  catalogingRecord: label,
  publisher: label,
  backToCall: label,
  /** The word before the page number a cross-reference prints after its text in print. */
  crossReferencePage: label,
  page: label,
  backlinkSymbol: label,
  /** Quote marks for typographic quotes in this language. */
  quoteDoubleOpen: label,
  quoteDoubleClose: label,
  quoteSingleOpen: label,
  quoteSingleClose: label,
  /** The e-book's accessibility summary, sentence by sentence. */
  a11yText: label,
  a11yImagesDescribed: label,
  a11yImagesUndescribed: label,
  a11yPageList: label,
  a11yConforms: label,
  /** The navigation's list of the print edition's pages. */
  pageList: label,
  landmarks: label,
  /** The label of a task list item's checkbox, checked and not. */
  taskDone: label,
  taskOpen: label,
  /** The review sheet's header (templates/review/sheet.ejs): the page count, the pages marked, which sheet. */
  reviewOnePage: label,
  reviewPages: labelWith('count'),
  reviewNoPageMarked: label,
  reviewOnePageMarked: label,
  reviewPagesMarked: labelWith('count'),
  reviewSheetOf: labelWith('sheet', 'sheets'),
});

export type Labels = z.infer<typeof localeSchema>;
