import { render } from 'preact';
import { t } from '../../ui/i18n';
import { NotesApp } from './NotesApp';

document.title = t('notes_page_title', undefined, 'Bronwijzer notes');
document.documentElement.lang = t('@@ui_locale').replace('_', '-');
render(<NotesApp />, document.getElementById('app')!);
