import { mountPage } from '../shared/page';
import { NotesApp } from './NotesApp';

// In the language chosen in the options (not only the browser's).
void mountPage(() => <NotesApp />, 'notes_page_title');
