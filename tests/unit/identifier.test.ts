// A publication's identifier without an ISBN: the same when only its title or authors change, another
// for another slug or publisher; with an ISBN, its URN.
import { describe, expect, it } from 'vitest';
import { publicationIdentifier } from '../../src/publication/identifier.js';
import { buildPublication } from '../../src/publication/build-publication.js';
import { TEST_DATES } from '../helpers/publication.js';
import { project, transform } from '../helpers/transform.js';

describe('the identifier', () => {
  it('stays when the title and the author change, and differs for another slug or publisher', async () => {
    const identifiers = async (front: string) => {
      const result = await transform(`---\n${front}\n---\n\nText.\n`, { name: 'same-name.md' });
      return buildPublication(result.file, result.body, project, TEST_DATES).metadata.identifiers;
    };
    const first = await identifiers('title: A first title\nauthor: A. Writer');
    expect(first.epub).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await identifiers('title: A corrected title\nauthor: A. N. Other')).toEqual(first);
    expect((await identifiers('title: A first title\nslug: another')).epub).not.toBe(first.epub);
    expect(publicationIdentifier(undefined, 'Another Publisher', 'same-name')).not.toBe(first.epub);
  });

  it('is the URN of each edition’s ISBN', () => {
    expect(publicationIdentifier('978-605-0000-00-9', 'P', 's')).toBe('urn:isbn:9786050000009');
  });
});
