// The `hyphen` package ships no types; these are the parts avim-press uses.
declare module 'hyphen/en-us/index.js' {
  const hyphenator: import('hyphen').Hyphenator;
  export default hyphenator;
}
declare module 'hyphen/tr/index.js' {
  const hyphenator: import('hyphen').Hyphenator;
  export default hyphenator;
}
declare module 'hyphen' {
  export interface Hyphenator {
    hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] }): string;
  }
}
