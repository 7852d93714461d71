import type { PDFDocumentProxy } from 'pdfjs-dist';
import { originalFileName } from './file-name';

/** The file a document was opened from, as the reader can hand it back. */
export interface OriginalFile {
  name: string;
  type: string;
  bytes(): Promise<Uint8Array>;
}

/** Saves the original bytes under their name (a download the browser asks about or saves, as it is set up). */
export async function downloadOriginal(file: OriginalFile): Promise<void> {
  const bytes = await file.bytes();
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Pages are drawn for print at this resolution (dots per inch; PDF units are 1/72 inch). */
const PRINT_DPI = 150;

/**
 * Prints a PDF as PDF.js's own viewer does: every page drawn to an image at print resolution in a container only
 * print shows (the reader's toolbar and text layers are hidden there), the paper sized like the first page, then
 * the browser's print dialog. The images go away after printing.
 */
export async function printPdf(pdf: PDFDocumentProxy): Promise<void> {
  const container = document.createElement('div');
  container.id = 'reader-print';
  const pageStyle = document.createElement('style');
  const urls: string[] = [];
  try {
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: PRINT_DPI / 72 });
      if (number === 1) {
        const size = page.getViewport({ scale: 1 });
        pageStyle.textContent = `@page { size: ${size.width}pt ${size.height}pt; margin: 0; }`;
      }
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      await page.render({ canvas, viewport, intent: 'print' }).promise;
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve));
      if (!blob) throw new Error(`page ${number} could not be drawn`);
      const image = document.createElement('img');
      urls.push((image.src = URL.createObjectURL(blob)));
      image.alt = '';
      await image.decode();
      container.append(image);
      page.cleanup();
    }
    document.head.append(pageStyle);
    document.body.append(container);
    window.print();
  } finally {
    // window.print() returns once the dialog has closed.
    container.remove();
    pageStyle.remove();
    for (const url of urls) URL.revokeObjectURL(url);
  }
}

/** A PDF's original, named from the server's header, its address or file name, or its title. */
export function pdfOriginal(
  pdf: PDFDocumentProxy,
  from: { address: string; contentDispositionFilename?: string | null; title?: string },
): OriginalFile {
  return {
    name: originalFileName({ kind: 'pdf', ...from }),
    type: 'application/pdf',
    bytes: () => pdf.getData(),
  };
}

/** A Word file's original: the bytes it was opened from (copied: the converter may hold on to them). */
export function docxOriginal(data: ArrayBuffer, address: string): OriginalFile {
  const bytes = new Uint8Array(data.slice(0));
  return {
    name: originalFileName({ kind: 'docx', address }),
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: async () => bytes,
  };
}
