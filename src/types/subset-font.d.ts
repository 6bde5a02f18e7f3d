// subset-font 2.9 ships no types (@types/subset-font lags behind: no noHinting, no keepFeatures);
// these are the parts avim-press uses, from the package's README.
declare module 'subset-font' {
  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    preserveNameIds?: number[];
    noLayoutClosure?: boolean;
    /** Drop the hinting instructions (hb-subset --no-hinting). */
    noHinting?: boolean;
    /** Layout features to keep (default: all of them, hb-subset --layout-features=*). */
    keepFeatures?: string[];
  }
  export default function subsetFont(buffer: Buffer | Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
