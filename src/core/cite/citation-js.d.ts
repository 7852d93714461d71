/** The part of citation-js this project uses (the packages ship no type declarations). */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
