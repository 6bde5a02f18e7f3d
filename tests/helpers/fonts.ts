// The characters a font file maps, read by HarfBuzz, as the tool reads them.
import { Blob, Face } from 'harfbuzzjs';

export function unicodesOf(data: Uint8Array): Set<number> {
  return new Set(new Face(new Blob(data), 0).collectUnicodes());
}
