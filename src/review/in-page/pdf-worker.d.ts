// pdf.js's worker module ships no types; the sheet's script only hands it to pdf.js whole.
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
