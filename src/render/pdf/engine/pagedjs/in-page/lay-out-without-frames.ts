// In the page, before layout: Paged.js 0.4.3 lays out one page per task of its queue, and its queue
// starts each task on the next animation frame (utils/queue.js: `tick = requestAnimationFrame`), so a
// page is laid out no sooner than a frame after the one before. Nothing is painted while the print is
// laid out and the layout reads its geometry itself, so the wait buys nothing: the queue's tasks start
// as the next task of the event loop instead (a message to itself, which no timer clamps).
// Measured (docs/layout-engine.md): a 403-page book in one piece, 9.8/10.4 s → 9.2/9.1 s of layout in alternating runs;
// the 18-page sample, 173–209 → 159–175 ms.
import { paged } from './paged-internals.js';

/** Runs each callback as a task of its own, in order. */
function nextTask(): (callback: () => void) => void {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return (callback) => {
    waiting.push(callback);
    channel.port2.postMessage(undefined);
  };
}

export function registerLayOutWithoutFrames(): void {
  const Paged = paged();
  class LayOutWithoutFrames extends Paged.Handler {
    // Called with the chunker whose queue lays out the pages, before the first page.
    beforeParsed(_content: unknown, chunker: { q?: { tick?: unknown } }): void {
      if (!chunker.q || typeof chunker.q.tick !== 'function') throw new Error("Paged.js's chunker has no queue with a tick: lay-out-without-frames.ts no longer applies");
      chunker.q.tick = nextTask();
    }
  }
  Paged.registerHandlers(LayOutWithoutFrames);
}
