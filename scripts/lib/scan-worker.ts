/** A worker thread of `scan`: scans the files the main thread sends, one message per file, and answers each. */
import { parentPort, workerData } from 'node:worker_threads';
import { failure, scanFile, warmUp, type FileResult, type Format } from './scan-core';

export interface ScanJob {
  index: number;
  file: string;
}

export type ScanAnswer = { index: number } & ({ result: FileResult } | { error: string });

const format = (workerData as { format: Format }).format;
warmUp();
parentPort!.on('message', ({ index, file }: ScanJob) => {
  scanFile(file, format).then(
    (result) => parentPort!.postMessage({ index, result } satisfies ScanAnswer),
    (e: unknown) => parentPort!.postMessage({ index, error: failure(e) } satisfies ScanAnswer),
  );
});
