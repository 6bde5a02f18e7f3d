// What the review sheet's page script (in-page/) gives the Node code: the function it installs on
// the page's window and the plain data it returns. Plain types only: both programs read this file.

export interface DrawnPage {
  /** The page, from 1. */
  page: number;
  /** The canvas's pixel size. */
  width: number;
  height: number;
}

export interface ReviewPageApi {
  /**
   * Draw each page of the PDF (its bytes as base64) into the canvas whose data-page is its number,
   * `scale` device pixels per CSS pixel of the canvas's box.
   */
  drawPages(pdfBase64: string, scale: number): Promise<DrawnPage[]>;
}

export interface ReviewPageWindow {
  avimPressReview: ReviewPageApi;
}
