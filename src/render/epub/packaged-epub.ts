// epub-gen-memory packages (mimetype first and stored, container, our EJS templates for package,
// navigation and chapters); this subclass keeps everything else in our hands: chapter XHTML is ours
// (its HTML clean-up renames images, fetches them and rewrites empty alt), fonts and images are
// added from disk, and every zip entry gets the publication's date so that builds repeat bytes.
import { EPub, type Chapter, type Options } from 'epub-gen-memory';

/** A chapter as our template reads it, with its finished XHTML. */
export type EpubChapter = Omit<Chapter, 'content'> & { id: string; kind: string; headingId?: string; xhtml: string };

export class PackagedEpub extends EPub {
  constructor(options: Options, chapters: EpubChapter[]) {
    // The library sees empty chapters: nothing of ours passes its HTML clean-up.
    super(options, chapters.map(({ xhtml: _xhtml, ...chapter }) => ({ ...chapter, content: '' })));
    this.content.forEach((chapter, index) => {
      chapter.content = chapters[index]!.xhtml;
    });
  }

  /** Fonts (woff2) and images (PNG, JPEG, GIF) are compressed already: they are stored as they are,
   * which saves the time of deflating them again for nothing. */
  addFile(name: string, data: Uint8Array | string): void {
    const compressed = /\.(woff2|png|jpe?g|gif)$/i.test(name);
    this.zip.file(name, data, compressed ? { compression: 'STORE' } : {});
  }

  async packed(date: Date): Promise<Buffer> {
    await this.render();
    this.zip.forEach((_, entry) => {
      entry.date = date;
    });
    return this.zip.generateAsync({
      type: 'nodebuffer',
      mimeType: 'application/epub+zip',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
  }
}
