/**
 * The notes page, inside the extension: open it with
 * `browser.tabs.create({ url: browser.runtime.getURL(NOTES_PAGE_PATH) })`. It is also the Chrome
 * side panel (`side_panel.default_path` in manifest.json).
 */
export const NOTES_PAGE_PATH = 'src/pages/notes/index.html';
