/**
 * A worker thread of `scan`: warms the detector up, says it is ready, then answers the main thread's requests one
 * by one: a whole file, or a chunk of a big one (scan-chunks.ts), which it keeps until told where the chunk's text
 * starts in the file, then formats its citations.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { detectChunk, ownCitations, type ChunkFacts, type ChunkJob, type DetectedChunk } from './scan-chunks';
import { failure, resultOf, scanFile, warmUp, type FileResult, type Format } from './scan-core';

export type ScanRequest =
  | { type: 'file'; id: number; file: string }
  | { type: 'chunk'; id: number; job: ChunkJob }
  /** Format the kept chunk `id`'s own citations; `base`: where its own text starts in the file (UTF-16). */
  | { type: 'emit'; id: number; base: number }
  | { type: 'drop'; id: number };

export type ScanAnswer =
  | { type: 'ready' }
  | ({ id: number } & ({ result: FileResult; ms?: number } | { facts: ChunkFacts } | { error: string }));

const format = (workerData as { format: Format }).format;
const kept = new Map<number, DetectedChunk>();
const post = (answer: ScanAnswer): void => parentPort!.postMessage(answer);

// Untimed (scan's figures start when every worker is ready), and these workers may read megabytes each.
warmUp(500_000, 4);
post({ type: 'ready' });
parentPort!.on('message', (request: ScanRequest) => {
  const { id } = request;
  try {
    if (request.type === 'file') {
      scanFile(request.file, format).then(
        (result) => post({ id, result }),
        (e: unknown) => post({ id, error: failure(e) }),
      );
    } else if (request.type === 'chunk') {
      const { chunk, facts } = detectChunk(request.job);
      kept.set(id, chunk);
      post({ id, facts });
    } else {
      const chunk = kept.get(id);
      kept.delete(id);
      if (request.type === 'emit' && chunk) {
        const started = performance.now();
        const { citations, text, shift } = ownCitations(chunk, request.base);
        const bytes = 0; // counted by the main thread, which knows the chunk's size
        post({
          id,
          result: resultOf(chunk.file, text, citations, format, bytes, shift),
          ms: performance.now() - started,
        });
      }
    }
  } catch (e) {
    post({ id, error: failure(e) });
  }
});
