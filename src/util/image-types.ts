// The image types a manuscript may show: what both editions take (EPUB 3.2's core types; WebP is
// core only from EPUB 3.3, which EPUBCheck 4.2.6 rejects), by file extension.
export const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};
