import { describe, expect, it } from 'vitest';
import { BACKGROUND_SENDERS } from '../../../src/messaging/contract';
import { authorize, callerOf, pageOf } from '../../../src/messaging/senders';

const own = { id: 'abc', baseUrl: 'chrome-extension://abc/' };
const page = 'https://www.tweedekamer.nl/brief';

describe('who sent a request', () => {
  it('tells the extension’s pages from content scripts by what the browser says, not the message', () => {
    expect(callerOf({ id: 'abc', url: 'chrome-extension://abc/src/pages/notes/index.html' }, own)).toEqual({
      kind: 'extension',
    });
    // The note frame is an extension page inside a tab.
    expect(
      callerOf(
        {
          id: 'abc',
          url: 'chrome-extension://abc/src/pages/notes/frame/index.html#t',
          origin: 'chrome-extension://abc',
          tab: { id: 4 },
        },
        own,
      ),
    ).toEqual({ kind: 'extension', tabId: 4 });
    expect(
      callerOf(
        { id: 'abc', url: page, origin: 'https://www.tweedekamer.nl', tab: { id: 4 }, frameId: 2 },
        own,
      ),
    ).toEqual({
      kind: 'content',
      pageUrl: page,
      origin: 'https://www.tweedekamer.nl',
      tabId: 4,
      frameId: 2,
    });
    // Another extension, a page URL posing as ours with a web origin, a non-web frame: nobody.
    expect(callerOf({ id: 'other', url: 'chrome-extension://abc/x.html' }, own)).toBeUndefined();
    expect(
      callerOf(
        { id: 'abc', url: 'chrome-extension://abc/x.html', origin: 'https://evil.example', tab: { id: 1 } },
        own,
      ),
    ).toBeUndefined();
    expect(callerOf({ id: 'abc', url: 'file:///etc/passwd', tab: { id: 1 } }, own)).toBeUndefined();
  });

  it('refuses an extension-only request from a content script, with a message saying so', () => {
    const content = callerOf({ id: 'abc', url: page, tab: { id: 1 } }, own);
    expect(() => authorize('notesList', BACKGROUND_SENDERS.notesList, content)).toThrow(
      /only the extension's own pages/,
    );
    expect(authorize('lookup', BACKGROUND_SENDERS.lookup, content)).toBe(content);
    expect(() => authorize('lookup', 'content', undefined)).toThrow(/not part of Bronwijzer/);
    expect(() => pageOf({ kind: 'extension' }, 'notesForPage')).toThrow(/content script/);
  });

  it('keeps every notes-wide request for the extension’s pages', () => {
    for (const type of [
      'notesList',
      'notesExport',
      'notesImport',
      'notesDelete',
      'notesEmptyTrash',
      'notesSave',
      'notesForDocument',
      'notesGet',
    ] as const)
      expect(BACKGROUND_SENDERS[type]).toBe('extension');
  });
});
