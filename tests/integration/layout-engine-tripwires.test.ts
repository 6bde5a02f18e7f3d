// Tripwires: each patch of the Paged.js adapter (src/render/pdf/engine/pagedjs/) fixes a behaviour of
// Paged.js 0.4.3 seen in Chromium. Each test lays out, in the real browser, a small document that shows
// that behaviour, with Paged.js WITHOUT the patch, and asserts the behaviour is still there; then the
// same document with the patch, which must not show it (so the check can fail). When Paged.js changes
// (an upgrade), a tripwire fails, naming the patch that may now be removable or wrong. The internals
// the patches hook, and the markup the checks rely on, are checked too. docs/layout-engine.md lists them.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/render/browser.js';
import { PAGEDJS_MARKERS } from '../../src/render/pdf/engine/pagedjs/markers.js';
import { PAGEDJS_PATCHES, type PagedjsPatch } from '../../src/render/pdf/engine/pagedjs/page-api.js';
import { hyphenateText } from '../../src/render/pdf/hyphenate.js';
import { tempDir } from '../helpers/cli.js';
import { BASE_CSS, layOut, patchesWithout, tripwireHtml, type LaidOut, type LayoutOptions } from '../helpers/layout-engine.js';
import type { LayoutProbesWindow } from '../helpers/layout-probes-api.js';
import { readPdf } from '../helpers/pdf.js';

// page.evaluate callbacks run in the page, where the probes script installed this.
declare const window: LayoutProbesWindow;

const ADAPTER = 'src/render/pdf/engine/pagedjs';

/** The failure message of a tripwire: Paged.js changed, and the patch that answered the old behaviour may be stale. */
const changed = (behaviour: string, patch: string) => `Paged.js no longer ${behaviour}: the patch in ${patch} may be removable or wrong`;

/** A paragraph of numbered lines (about one line of an A5 page each). */
const paragraph = (index: number, lines: number) => Array.from({ length: lines }, (_, line) => `Paragraph ${index} line ${line} carries running text about the economy of the region.`).join(' ');

/** Paragraphs, the `at`-th ending with the call of one note of `sentences` sentences (LONGSTART ... LONGEND). */
function oneNote(options: { paragraphs: number; lines: number; at: number; sentences: number }) {
  let body = '';
  for (let index = 0; index < options.paragraphs; index++) body += `<p>${paragraph(index, options.lines)}${index === options.at ? '<sup><a id="c1" class="noteref">1</a></sup>' : ''}</p>`;
  const sentences = Array.from({ length: options.sentences }, (_, index) => `Sentence ${index} of the note says something about regional cooperation and trade.`).join(' ');
  return tripwireHtml(body, { notes: `<span class="footnote" data-call="c1"><p>1 LONGSTART ${sentences} LONGEND</p></span>` });
}

/** Deterministic words (a Lehmer generator), long enough to be hyphenated. */
function sentencesFrom(seed: number) {
  const words = 'regional cooperation economic relationships summit international security stability policymakers development energy investment borderlands marketplace transportation'.split(' ');
  let state = seed * 7919;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const sentence = (length: number) => `${Array.from({ length }, () => words[Math.floor(next() * words.length)]).join(' ')}.`;
  return Array.from({ length: 10 }, () => Array.from({ length: 5 + Math.floor(next() * 4) }, () => sentence(8 + Math.floor(next() * 8))).join(' '));
}

describe('Paged.js 0.4.3 as the adapter knows it (tripwires)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = (await launchBrowser()).browser;
  });
  afterAll(() => browser?.close());

  /** Lay out, look, close the page. */
  async function look<T>(html: string, options: LayoutOptions, see: (laidOut: LaidOut) => T | Promise<T>): Promise<T> {
    const laidOut = await layOut(browser, html, options);
    try {
      return await see(laidOut);
    } finally {
      await laidOut.page.close();
    }
  }
  const pages = (laidOut: LaidOut) => laidOut.page.evaluate(() => window.avimPressProbes.pages());

  it('still has the internals the patches hook, in the shape they expect', async () => {
    const html = oneNote({ paragraphs: 12, lines: 6, at: 3, sentences: 6 });
    const seen = await look(html, { patches: [], beforeLayout: (page) => page.evaluate(() => window.avimPressProbes.recordOverflowHook()) }, async ({ page }) => ({
      internals: await page.evaluate(() => window.avimPressProbes.internals()),
      overflow: await page.evaluate(() => window.avimPressProbes.overflowHookCalls()),
    }));
    // limit-carried-notes.ts, keep-call-line-with-note.ts, cut-note-overflow-earlier.ts: the Footnotes handler's methods.
    expect(seen.internals.footnotes, changed('has a Footnotes handler among Paged.registeredHandlers', `${ADAPTER}/in-page/paged-internals.ts`)).not.toBeNull();
    expect(seen.internals.footnotes!.moveFootnote, changed('has Footnotes.moveFootnote(node, pageArea, needsNoteCall)', `${ADAPTER}/in-page/keep-call-line-with-note.ts`)).toBe(3);
    expect(seen.internals.footnotes!.afterPageLayout, changed('has Footnotes.afterPageLayout(pageElement, page, breakToken, chunker)', `${ADAPTER}/in-page/cut-note-overflow-earlier.ts`)).toBe(4);
    // break-rules.ts: a Handler subclass, registered, whose onOverflow(overflow, rendered, bounds) may return another range.
    expect(
      [seen.internals.handlerClass, seen.internals.registerHandlers, seen.internals.previewer],
      changed('exports Handler, registerHandlers and Previewer', `${ADAPTER}/in-page/break-rules.ts`),
    ).toEqual([true, true, true]);
    expect(
      seen.overflow.some((call) => call.overflow === 'range' && call.rendered === 'element' && call.bounds === 'rect'),
      changed('calls onOverflow(overflow: Range, rendered: Element, bounds: DOMRect)', `${ADAPTER}/in-page/break-rules.ts`),
    ).toBe(true);
  });

  it('still marks its pages as markers.ts tells the checks', async () => {
    // Paragraphs split across pages, a note continued on the next page: every marker has something to find.
    const html = oneNote({ paragraphs: 6, lines: 14, at: 1, sentences: 30 });
    const { matches, pageCount } = await look(html, {}, async ({ page, pages }) => ({
      matches: await page.evaluate((markers) => window.avimPressProbes.markerMatches(markers), PAGEDJS_MARKERS),
      pageCount: pages,
    }));
    expect(matches.page, changed('marks each page .pagedjs_page', `${ADAPTER}/markers.ts`)).toBe(pageCount);
    for (const [marker, count] of Object.entries(matches)) expect(count, changed(`has what the marker ${marker} looks for on its pages`, `${ADAPTER}/markers.ts`)).toBeGreaterThan(0);
  });

  it('limit-carried-notes: Paged.js still gives the part of a long note carried to the next page all the room it asks, past the page, and the page’s text is cut off', async () => {
    const html = oneNote({ paragraphs: 16, lines: 6, at: 7, sentences: 300 });
    const tooTall = (probed: Awaited<ReturnType<typeof pages>>) => probed.some((page) => page.footnotesHeight > page.areaHeight);
    const without = await look(html, { patches: patchesWithout('limit-carried-notes') }, async (laidOut) => ({ tooTall: tooTall(await pages(laidOut)), lost: laidOut.lost.length }));
    expect(without.tooTall && without.lost > 0, changed('gives a carried note more room than the page has, cutting off the page’s text', `${ADAPTER}/in-page/limit-carried-notes.ts`)).toBe(true);
    const patched = await look(html, {}, async (laidOut) => ({ tooTall: tooTall(await pages(laidOut)), lost: laidOut.lost.length }));
    expect(patched).toEqual({ tooTall: false, lost: 0 });
  });

  it('cut-note-overflow-earlier: Paged.js still grows a cut note’s area over text already laid out, which is cut off', async () => {
    // Found by trying call places and note lengths: here the cut falls inside a note line.
    const html = oneNote({ paragraphs: 12, lines: 7, at: 2, sentences: 47 });
    const cutOff = (laidOut: LaidOut) => laidOut.lost.filter((lost) => lost.kind === 'cut-off').length;
    const without = await look(html, { patches: patchesWithout('cut-note-overflow-earlier') }, (laidOut) => cutOff(laidOut));
    expect(without, changed('cuts off running text when it cuts a note that overflows its area', `${ADAPTER}/in-page/cut-note-overflow-earlier.ts`)).toBeGreaterThan(0);
    expect(await look(html, {}, (laidOut) => laidOut.lost.length)).toBe(0);
  });

  it('keep-call-line-with-note: Paged.js still pushes a call’s line, and its long note, to a later page than the line needs', async () => {
    // A note of many pages called from the last line of a paragraph low on the first page (and on the second).
    const where = (laidOut: LaidOut) =>
      laidOut.page.evaluate(() => {
        const probed = window.avimPressProbes.pages();
        return { call: window.avimPressProbes.pageOfCall('#c1'), note: probed.findIndex((page) => page.footnotes.includes('LONGSTART')) + 1 };
      });
    const pushed: boolean[] = [];
    for (const at of [2, 6]) {
      const html = oneNote({ paragraphs: 16, lines: 6, at, sentences: 150 });
      const patched = await look(html, {}, where);
      // With the patch, the note starts on the call's page.
      expect(patched.note).toBe(patched.call);
      const without = await look(html, { patches: patchesWithout('keep-call-line-with-note') }, where);
      pushed.push(without.call > patched.call);
    }
    expect(pushed.some(Boolean), changed('pushes a call’s line (and its note) on a page though it fits there with two lines of the note', `${ADAPTER}/in-page/keep-call-line-with-note.ts`)).toBe(true);
  });

  describe('break-rules', () => {
    it('Paged.js still breaks a page inside a hyphenated word, adding its hyphen, and loses the line', async () => {
      // Text hyphenated as print-html.ts does it (soft hyphens); '‐' (U+2010) marks Paged.js's own hyphen.
      const glyph = '\u2010';
      const endsInsideWords = (probed: Awaited<ReturnType<typeof pages>>) => probed.filter((page) => new RegExp(`\\p{L}${glyph}$`, 'u').test(page.content)).length;
      const seen: { without: number; lostWithout: number; patched: number; lostPatched: number }[] = [];
      for (const seed of [5, 6, 8]) {
        const html = tripwireHtml(
          sentencesFrom(seed)
            .map((text) => `<p>${hyphenateText(text, 'en')}</p>`)
            .join(''),
        );
        const without = await look(html, { patches: patchesWithout('break-rules'), hyphenGlyph: glyph }, async (laidOut) => ({
          ends: endsInsideWords(await pages(laidOut)),
          lost: laidOut.lost.length,
        }));
        const patched = await look(html, { hyphenGlyph: glyph }, async (laidOut) => ({ ends: endsInsideWords(await pages(laidOut)), lost: laidOut.lost.length }));
        seen.push({ without: without.ends, lostWithout: without.lost, patched: patched.ends, lostPatched: patched.lost });
      }
      expect(
        seen.some((case_) => case_.without > 0 && case_.lostWithout > 0),
        changed('ends a page inside a word (adding a hyphen) and loses a line', `${ADAPTER}/in-page/break-rules.ts`),
      ).toBe(true);
      expect(seen.every((case_) => case_.patched === 0 && case_.lostPatched === 0)).toBe(true);
    });

    it('Paged.js still leaves a widow once a note changes the page’s height (and none without the note)', async () => {
      const widows = (laidOut: LaidOut) => laidOut.faults.filter((fault) => fault.kind === 'widow' || fault.kind === 'orphan').length;
      const html = oneNote({ paragraphs: 12, lines: 6, at: 8, sentences: 6 });
      const withoutNote = html.replace('<sup><a id="c1" class="noteref">1</a></sup>', '').replace(/<template data-print="footnotes">.*<\/template>/s, '');
      expect(await look(withoutNote, { patches: patchesWithout('break-rules') }, (laidOut) => widows(laidOut))).toBe(0);
      const without = await look(html, { patches: patchesWithout('break-rules') }, (laidOut) => widows(laidOut));
      expect(without, changed('leaves widows or orphans when a note shortens the page', `${ADAPTER}/in-page/break-rules.ts`)).toBeGreaterThan(0);
      expect(await look(html, {}, (laidOut) => widows(laidOut))).toBe(0);
    });
  });

  it('continue-page-numbers: Paged.js still restarts the page counter on that page alone, so the next page’s folio goes on from the old count', async () => {
    // Three pages or so, then an element that restarts the numbering at 1 on a new page (as print.css
    // does at a book's first arabic page), then four more; the folio is printed at each page's foot.
    const before = Array.from({ length: 12 }, (_, index) => `<p>${paragraph(index, 6)}</p>`).join('');
    const after = Array.from({ length: 16 }, (_, index) => `<p>${paragraph(50 + index, 6)}</p>`).join('');
    const css = `${BASE_CSS} @page { @bottom-center { content: "folio " counter(page); } } .restart { break-before: page; counter-reset: page 1; }`;
    const html = tripwireHtml(`${before}<div class="restart">${after}</div>`, { css });
    const folios = async (options: LayoutOptions) => {
      const seen = await look(html, options, async ({ page }) => ({
        pdf: await page.pdf({ preferCSSPageSize: true, printBackground: true }),
        // The physical page (from 1) the restarting element starts on.
        restart: await page.evaluate(() => window.avimPressProbes.pageOfCall('.restart:not([data-split-from])')),
      }));
      const file = path.join(tempDir(), 'folios.pdf');
      writeFileSync(file, seen.pdf);
      const printed = (await readPdf(file)).pages.map((text) => Number(/folio (\d+)/.exec(text)?.[1] ?? NaN));
      return { restart: seen.restart, printed };
    };
    const without = await folios({ patches: patchesWithout('continue-page-numbers') });
    // Seen: 1 2 3 | 1 4 5 6 (the restarting page is 1; Paged.js's rule also stops it counting).
    // Enough pages on both sides of the restart for the check to mean something.
    expect(without.restart).toBeGreaterThan(2);
    expect(without.printed.length - without.restart).toBeGreaterThanOrEqual(2);
    const restartsAt = without.restart - 1;
    expect(without.printed.slice(0, restartsAt)).toEqual(Array.from({ length: restartsAt }, (_, index) => index + 1));
    expect(
      without.printed.slice(restartsAt),
      changed('scopes a page’s `counter-reset: page 1` to that page (the next folio goes on from the old count)', `${ADAPTER}/in-page/continue-page-numbers.ts`),
    ).toEqual([1, ...Array.from({ length: without.printed.length - without.restart }, (_, index) => restartsAt + index + 1)]);
    const patched = await folios({});
    expect(patched.restart).toBe(without.restart);
    expect(patched.printed).toEqual([...Array.from({ length: restartsAt }, (_, index) => index + 1), ...Array.from({ length: patched.printed.length - restartsAt }, (_, index) => index + 1)]);
  });

  it('place-footnotes: Paged.js still loses a note placed inside the note that calls it', async () => {
    const html = tripwireHtml('<p>Text with a note<sup><a id="c1" class="noteref">1</a></sup> and more text after.</p>', {
      notes:
        '<span class="footnote" data-call="c1"><p>1 OUTER note that calls another<sup><a id="c2" class="noteref">2</a></sup> and goes on.</p></span>' +
        '<span class="footnote" data-call="c2"><p>2 INNER note text.</p></span>',
    });
    const inner = async (laidOut: LaidOut) => ({
      lost: laidOut.lost.some((lost) => lost.text.includes('INNER')),
      shown: (await pages(laidOut)).some((page) => page.footnotes.includes('INNER')),
    });
    const nested = await look(html, { placement: 'at-calls' }, inner);
    expect(nested, changed('loses a footnote floated from inside a footnote', `${ADAPTER}/in-page/place-footnotes.ts`)).toEqual({ lost: true, shown: false });
    expect(await look(html, {}, inner)).toEqual({ lost: false, shown: true });
  });

  it('paginate.ts removeNoteMarks: Paged.js still adds its own note calls and gives notes random ids, different on every run', async () => {
    const html = oneNote({ paragraphs: 2, lines: 3, at: 1, sentences: 2 });
    const marks = (removeNoteMarks: boolean) => look(html, { removeNoteMarks }, ({ page }) => page.evaluate(() => window.avimPressProbes.noteMarks()));
    const [first, second] = [await marks(false), await marks(false)];
    const random = first.calls > 0 && first.ids.every((id) => /^note-[0-9a-f-]{36}$/.test(id)) && first.ids.join() !== second.ids.join();
    expect(random, changed('adds calls and random ids to notes (which Chromium would print as named destinations)', `${ADAPTER}/in-page/paginate.ts`)).toBe(true);
    const removed = await marks(true);
    expect(removed).toEqual({ calls: 0, ids: [''] });
  });

  it('footnote-element.ts: Paged.js still carries a block note to the page after its call when the call is in the part of a paragraph carried over', async () => {
    const words = 'regional cooperation economic relationships summit international security stability policymakers development energy investment borderlands marketplace transportation'.split(' ');
    const long = Array.from({ length: 160 }, (_, index) => words[(index * 7) % words.length]);
    const filler = Array.from({ length: 6 }, (_, index) => `<p>${paragraph(index, 3)}</p>`).join('');
    const html = (tag: string) =>
      tripwireHtml(`${filler}<p>${long.slice(0, 120).join(' ')}<sup><a id="c1" class="noteref">1</a></sup> ${long.slice(120).join(' ')}.</p><p>${paragraph(99, 3)}</p>`, {
        notes: `<${tag} class="footnote" data-call="c1"><p>1 The note says something about the paragraph it is called from. It goes on about trade.</p></${tag}>`,
      });
    const where = (laidOut: LaidOut) =>
      laidOut.page.evaluate(() => ({ call: window.avimPressProbes.pageOfCall('#c1'), note: window.avimPressProbes.pages().findIndex((page) => page.footnotes.includes('The note')) + 1 }));
    const block = await look(html('aside'), {}, where);
    expect(block.note - block.call, changed('carries a block-level note (an aside) to the page after its call', `${ADAPTER}/footnote-element.ts`)).toBe(1);
    const span = await look(html('span'), {}, where);
    expect(span.note).toBe(span.call);
  });

  it('footnote-element.ts: Paged.js still numbers every ::footnote-marker on a page with the page’s last number', async () => {
    // Several notes to a page, numbered by CSS (counter(footnote), which the calls count), or written in.
    let body = '';
    const notes: string[] = [];
    let number = 0;
    for (let index = 0; index < 8; index++) {
      body += `<p>${paragraph(index, 3)}</p>`;
      for (let call = 0; call < 2; call++) {
        number += 1;
        body += `<p>Called here<sup><a id="c${number}" class="noteref">${number}</a></sup>.</p>`;
        notes.push(`<span class="footnote" data-call="c${number}"><p>NUMBER Note text ${number}.</p></span>`);
      }
    }
    const markers = async (css: string, written: boolean) => {
      const html = tripwireHtml(body, { css, notes: notes.map((note, index) => note.replace('NUMBER', written ? `${index + 1}.` : '')).join('') });
      const pdf = await look(html, { removeNoteMarks: false }, ({ page }) => page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const file = path.join(tempDir(), 'markers.pdf');
      writeFileSync(file, pdf);
      // Per page, the number before each note's text.
      return (await readPdf(file)).pages.map((text) => Array.from(text.matchAll(/(\d+)\.\s*Note text (\d+)/g), (match) => [Number(match[1]), Number(match[2])] as const));
    };
    const pageLast = (perPage: (readonly [number, number])[][]) =>
      perPage.filter((notesOnPage) => notesOnPage.length > 1).every((notesOnPage) => notesOnPage.every(([marker]) => marker === notesOnPage.at(-1)![1]));
    const counted = await markers(BASE_CSS.replace('::footnote-marker { content: none; }', '::footnote-marker { content: counter(footnote) ". "; }'), false);
    expect(counted.some((notesOnPage) => notesOnPage.length > 1)).toBe(true);
    expect(pageLast(counted), changed('gives every ::footnote-marker on a page the number of the page’s last note', `${ADAPTER}/footnote-element.ts (numbers written into the notes)`)).toBe(true);
    const written = await markers(BASE_CSS, true);
    expect(pageLast(written)).toBe(false);
  });

  it('join-pages.ts closeOpenStrings: Paged.js still leaves the values of string-set names open on each page, which its style attribute then loses', async () => {
    // Quotes in the head come escaped in the string.
    const body = '<div class="part"><h1 data-head="Ankara&apos;s &quot;part&quot; one">Head</h1><p>Text.</p></div>';
    const css = `${BASE_CSS} h1 { string-set: head attr(data-head); } @page { @top-center { content: string(head); } }`;
    const names = ['--pagedjs-string-first-head', '--pagedjs-string-last-head'];
    const seen = await look(tripwireHtml(body, { css }), {}, ({ page }) => page.evaluate((names) => window.avimPressProbes.pageStrings(names), names));
    expect(seen.set, changed('leaves the value of a string-set name an open CSS string', `${ADAPTER}/in-page/join-pages.ts (closeOpenStrings)`)).toEqual([
      String.raw`"Ankara\'s \"part\" one`,
      String.raw`"Ankara\'s \"part\" one`,
    ]);
    // Written out and read again, the open string runs on through the next declaration.
    expect(seen.written[1]).toBe('');
    expect(seen.exported).toEqual(seen.set.map((value) => `${value}"`));
  });

  it('drop-idle-first-letter-rule: Paged.js still sets the first letter of each paragraph of a section continued from the page before in a box of its own', async () => {
    // The box's width is rounded to a layout unit: the paragraph's first two letters measure otherwise.
    const body = `<div class="part">${Array.from({ length: 14 }, (_, index) => `<p>To ${paragraph(index, 5)}</p>`).join('')}</div>`;
    const starts = (patches: readonly PagedjsPatch[]) => look(tripwireHtml(body), { patches }, ({ page }) => page.evaluate(() => window.avimPressProbes.paragraphStarts(2)));
    const widths = (found: { page: number; width: number }[], page: number) => found.filter((start) => start.page === page).map((start) => start.width);
    const unpatched = await starts(patchesWithout('drop-idle-first-letter-rule'));
    expect(Math.max(...unpatched.map((start) => start.page))).toBeGreaterThan(1);
    const first = widths(unpatched, 1)[0]!;
    expect(
      widths(unpatched, 2).every((width) => width !== first),
      changed('sets the first letter of the children of an element continued from the page before apart', `${ADAPTER}/in-page/drop-idle-first-letter-rule.ts`),
    ).toBe(true);
    // Patched: the same width on every page.
    const patched = await starts(PAGEDJS_PATCHES);
    expect(new Set(patched.map((start) => start.page)).size).toBeGreaterThan(1);
    expect(new Set(patched.map((start) => start.width))).toEqual(new Set([patched[0]!.width]));
  });

  it('lay-out-without-frames: Paged.js still waits for an animation frame before laying out each page', async () => {
    const body = `<div class="part">${Array.from({ length: 12 }, (_, index) => `<p>${paragraph(index, 6)}</p>`).join('')}</div>`;
    const framesAsked = (patches: readonly PagedjsPatch[]) =>
      look(tripwireHtml(body), { patches, beforeLayout: (page) => page.evaluate(() => window.avimPressProbes.countAnimationFrames()) }, async ({ page, pages }) => ({
        pages,
        frames: await page.evaluate(() => window.avimPressProbes.animationFrames()),
      }));
    const unpatched = await framesAsked(patchesWithout('lay-out-without-frames'));
    expect(unpatched.pages).toBeGreaterThan(2);
    expect(
      unpatched.frames,
      changed('waits for an animation frame before each page (its queue ticks with requestAnimationFrame)', `${ADAPTER}/in-page/lay-out-without-frames.ts`),
    ).toBeGreaterThanOrEqual(unpatched.pages);
    // Patched: the same pages, and the queue's frames gone (Paged.js's page resize observers, listening once
    // a page is laid out, still ask for some: 3 of 8 for 3 pages here).
    const patched = await framesAsked(PAGEDJS_PATCHES);
    expect(patched.pages).toBe(unpatched.pages);
    expect(unpatched.frames - patched.frames).toBeGreaterThanOrEqual(unpatched.pages);
  });

  it('print.css’s @footnote in `@page body`: Paged.js still drops an @footnote rule when a later @page rule has the same selector', async () => {
    const body = '<div class="part"><p>Text<sup><a id="c1" class="noteref">1</a></sup>.</p></div>';
    const notes = '<span class="footnote" data-call="c1"><p>1 Note.</p></span>';
    const marginTop = (css: string) => look(tripwireHtml(body, { css: BASE_CSS + css, notes }), {}, ({ page }) => page.evaluate(() => window.avimPressProbes.footnoteMarginTops()));
    // As a size file would follow a bare @page with an @footnote in it.
    const dropped = await marginTop('@page { @footnote { margin-top: 10mm; } } @page { margin: 20mm 18mm; }');
    expect(dropped, changed('drops the @footnote of an @page rule followed by another with the same selector', 'styles/print.css (its @footnote is in `@page body`)')).toEqual(['0px']);
    // print.css's way: the @footnote in the one `@page body`.
    const kept = await marginTop('.part { page: body; } @page body { @footnote { margin-top: 10mm; } } @page { margin: 20mm 18mm; }');
    expect(kept).not.toEqual(['0px']);
  });
});
