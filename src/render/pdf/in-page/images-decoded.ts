// The images of the print page decoded before it prints: pages joined from another part's HTML make
// their images again (data: URLs, which load asynchronously like any other).
export async function imagesDecoded(): Promise<number> {
  const images = Array.from(document.images);
  await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
  return images.length;
}
