/** `file?gzip`: the URL of the file's gzip-compressed copy in the build (scripts/vite/gzip-asset.ts). */
declare module '*?gzip' {
  const url: string;
  export default url;
}
