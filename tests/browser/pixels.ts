import type { Page } from 'playwright-core';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: number[];
}

/** Decodes a PNG screenshot with the browser's own decoder (a canvas in `page`). */
export async function decodePng(page: Page, png: Buffer): Promise<Pixels> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: canvas.width, height: canvas.height, data: [...data] };
  }, png.toString('base64'));
}

/**
 * How two screenshots of the same box differ: the share of pixels whose colour moved by more than
 * `threshold` in any channel, and the mean colour of those pixels before and after.
 */
export function comparePixels(before: Pixels, after: Pixels, threshold = 24) {
  if (before.width !== after.width || before.height !== after.height)
    throw new Error(
      `screenshots differ in size: ${before.width}x${before.height} vs ${after.width}x${after.height}`,
    );
  let changed = 0;
  const sumBefore = [0, 0, 0];
  const sumAfter = [0, 0, 0];
  for (let i = 0; i < before.data.length; i += 4) {
    const moved = [0, 1, 2].some((c) => Math.abs(before.data[i + c]! - after.data[i + c]!) > threshold);
    if (!moved) continue;
    changed++;
    for (const c of [0, 1, 2]) {
      sumBefore[c]! += before.data[i + c]!;
      sumAfter[c]! += after.data[i + c]!;
    }
  }
  const mean = (sum: number[]) => sum.map((value) => (changed ? Math.round(value / changed) : 0));
  return {
    changedShare: changed / (before.width * before.height),
    meanBefore: mean(sumBefore),
    meanAfter: mean(sumAfter),
  };
}
