// In the review sheet's page: pdf.js (bundled into this script, its worker run on the page's own
// thread, so the page needs no URL at all) draws every page of the PDF, given as bytes, into the
// canvas the sheet template made for it. Installs window.avimPressReview.
import { getDocument, VerbosityLevel } from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import type { DrawnPage, ReviewPageApi, ReviewPageWindow } from '../review-page-api.js';

// pdf.js runs its worker's code in this thread when it finds it here (its "fake worker").
(globalThis as unknown as { pdfjsWorker: unknown }).pdfjsWorker = pdfjsWorker;

async function drawPages(pdfBase64: string, scale: number): Promise<DrawnPage[]> {
  const data = Uint8Array.from(atob(pdfBase64), (character) => character.charCodeAt(0));
  // Nothing from outside the PDF: no system fonts, no eval'd font programs, no fetches.
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: VerbosityLevel.ERRORS }).promise;
  const drawn: DrawnPage[] = [];
  try {
    for (let number = 1; number <= pdf.numPages; number++) {
      const canvas = document.querySelector<HTMLCanvasElement>(`canvas[data-page="${number}"]`);
      if (!canvas) continue;
      const page = await pdf.getPage(number);
      const natural = page.getViewport({ scale: 1 });
      const box = canvas.getBoundingClientRect();
      // Fit the page into the canvas's box, keeping its proportions.
      const fit = Math.min(box.width / natural.width, box.height / natural.height) * scale;
      const viewport = page.getViewport({ scale: fit });
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      canvas.style.width = `${canvas.width / scale}px`;
      canvas.style.height = `${canvas.height / scale}px`;
      await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
      drawn.push({ page: number, width: canvas.width, height: canvas.height });
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return drawn;
}

const api: ReviewPageApi = { drawPages };
(window as unknown as ReviewPageWindow).avimPressReview = api;
