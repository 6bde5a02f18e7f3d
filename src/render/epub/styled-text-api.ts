// What the styled-text page script (in-page/styled-text.ts) gives the Node code. No imports: the
// Node program and the in-page program both read this file.

/** Characters set with one computed font-family, weight and style. */
export interface StyledText {
  /** The computed font-family list, as CSS gives it: "Source Serif 4", "DejaVu Sans", serif */
  family: string;
  weight: number;
  style: string;
  /** Each character once. */
  characters: string;
}

export interface StyledTextWindow {
  /** Shows one document's body (the transform's safe HTML) with its class, and reads its text. */
  avimPressStyledText: (bodyClass: string, html: string) => StyledText[];
}
