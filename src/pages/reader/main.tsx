import { render } from 'preact';
import { applyLanguage } from '../../ui/i18n';
import { loadSettings } from '../../ui/settings-store';
import { localizeDocument } from '../shared/page';
import { createAnnotator } from './annotator';
import { Reader, type OpenDocument } from './Reader';
import { documentAddress } from './source';

async function main(): Promise<void> {
  await applyLanguage((await loadSettings()).language);
  localizeDocument('reader_title');
  const annotator = await createAnnotator(document);
  const opened = documentAddress(location);
  // Diagnostics and tests read the open document from here (the page is the extension's own).
  const state: { document?: OpenDocument } = {};
  Object.assign(globalThis, { bronwijzerReader: { annotator, state } });
  render(
    <Reader annotator={annotator} opened={opened} onOpened={(open) => (state.document = open)} />,
    document.getElementById('app')!,
  );
}

void main();
