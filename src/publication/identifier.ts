// The publication's identifier (dc:identifier, the PDF's document ID): from its ISBN when it has one,
// else a name-based UUID (RFC 9562 version 5) of the publisher and the slug, so that it stays the same
// when only the title or the authors change (a corrected edition is the same publication), and two
// publications of one publisher never share one.
import { v5 as uuidv5 } from 'uuid';

// A fixed namespace of avim-press's own: the same publisher and slug always give the same urn:uuid.
const IDENTIFIER_NAMESPACE = 'b7a1f0c2-5d3e-4c8a-9f61-2e4d8c0a7b15';

export function publicationIdentifier(isbn: string | undefined, publisher: string, slug: string): string {
  if (isbn) return `urn:isbn:${isbn.replace(/[- ]/g, '')}`;
  return `urn:uuid:${uuidv5(`${publisher}\n${slug}`, IDENTIFIER_NAMESPACE)}`;
}
