// A part's pages between two pages of the browser, packed: what crosses the DevTools protocol (out of
// one page into Node, then into the other) is the text gzipped, in base64. Strings cross the protocol
// at about 0.2–0.3 µs a character each way (docs/fonts.md); a part's pages pack to about a fifth of
// their characters (docs/speed.md).
export async function pack(text: string): Promise<string> {
  const gzipped = new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
  let binary = '';
  // A chunk at a time: an argument list has a limit.
  for (let index = 0; index < gzipped.length; index += 0x8000) binary += String.fromCharCode(...gzipped.subarray(index, index + 0x8000));
  return btoa(binary);
}

export async function unpack(packed: string): Promise<string> {
  const binary = atob(packed);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}
