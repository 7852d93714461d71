/**
 * The text of an HTML document exactly as the content script reads it: the document is parsed by
 * happy-dom (scripts never run) and read by the content script's own reader, so `scan` and the
 * extension cannot disagree about what a page says.
 */
import { Window } from 'happy-dom';
import { collectPageText } from '../../src/content/page-text';

export function htmlToText(source: string): string {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true },
    },
  });
  try {
    const document = new window.DOMParser().parseFromString(source, 'text/html');
    return collectPageText(document.body as unknown as Node).text;
  } finally {
    void window.happyDOM.close();
  }
}
