import type { Annotation } from '../core/annotations/model';

/**
 * Notes changed: the service worker tells open extension pages (the notes page, the side panel) on
 * this BroadcastChannel, so a list that is open while a note is saved on a page stays current.
 */
export const NOTES_CHANNEL = 'bronwijzer-notes';
export type NotesChange = { changed: Annotation[] } | { reload: true };
