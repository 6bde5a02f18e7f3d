// Before any test file runs: resolve the browser once. @sparticuz/chromium unpacks itself to /tmp on
// first use and treats a file that exists as unpacked, so two workers unpacking at once on a fresh
// machine could launch a half-written browser (docs/browser.md).
import { chooseBrowser } from '../src/render/browser.js';

export default async function setup(): Promise<void> {
  await chooseBrowser();
}
