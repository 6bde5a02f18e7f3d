// What the reading probes (tests/in-page/reading-probes.ts) install on a page showing an EPUB document.
// Plain types: the tests (Node) and the probes (DOM) both read this file.

export interface NoteCallBox {
  width: number;
  height: number;
  /** The call sits in a <sup>, which raises it. */
  inSup: boolean;
  /** The link's own vertical-align: anything but baseline would raise it a second time. */
  ownAlign: string;
}

export interface ReadingProbesWindow {
  avimPressReadingProbes: {
    noteCalls: () => NoteCallBox[];
    /** Per paragraph with a note call: the distance from each line of its text to the next, and its line height. */
    linePitches: () => { pitches: number[]; lineHeight: number }[];
  };
}
