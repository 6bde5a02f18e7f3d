// Probes for an EPUB document shown in the browser as a reader would (tests/helpers/epub-in-browser.ts).
import type { NoteCallBox, ReadingProbesWindow } from '../helpers/reading-probes-api.js';

function noteCalls(): NoteCallBox[] {
  return Array.from(document.querySelectorAll('a.noteref')).map((link) => {
    const box = link.getBoundingClientRect();
    return { width: box.width, height: box.height, inSup: link.closest('sup') !== null, ownAlign: getComputedStyle(link).verticalAlign };
  });
}

/** Per paragraph with a note call: the distance from each line to the next, and the line height. */
function linePitches(): { pitches: number[]; lineHeight: number }[] {
  return Array.from(document.querySelectorAll('p'))
    .filter((paragraph) => paragraph.querySelector('a.noteref'))
    .map((paragraph) => {
      // The baseline-ish bottom of the running text's words on each line (the calls themselves left out).
      const bottoms = new Set<number>();
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('sup')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) bottoms.add(Math.round(rect.bottom));
      }
      const sorted = [...bottoms].sort((a, b) => a - b);
      return { pitches: sorted.slice(1).map((bottom, index) => bottom - sorted[index]!), lineHeight: parseFloat(getComputedStyle(paragraph).lineHeight) };
    });
}

(window as unknown as ReadingProbesWindow).avimPressReadingProbes = { noteCalls, linePitches };
