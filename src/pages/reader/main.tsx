import { render } from 'preact';
import { applyLanguage } from '../../ui/i18n';
import { loadSettings } from '../../ui/settings-store';
import { localizeDocument } from '../shared/page';
import { createAnnotator } from './annotator';
import { ReaderNotes } from './notes/reader-notes';
import { Reader, type OpenDocument } from './Reader';
import { documentAddress } from './source';

async function main(): Promise<void> {
  await applyLanguage((await loadSettings()).language);
  localizeDocument('reader_title');
  const annotator = await createAnnotator(document);
  const notes = new ReaderNotes(document);
  annotator.actions.onSaveNote = (item) => notes.openForCitation(item);
  const opened = documentAddress(location);
  // Diagnostics and tests read the open document from here (the page is the extension's own).
  const state: { document?: OpenDocument } = {};
  Object.assign(globalThis, { bronwijzerReader: { annotator, notes, state } });
  render(
    <Reader
      annotator={annotator}
      notes={notes}
      opened={opened}
      showNote={new URLSearchParams(location.search).get('note') ?? undefined}
      onOpened={(open) => (state.document = open)}
    />,
    document.getElementById('app')!,
  );
}

void main();
