import { mountPage } from '../shared/page';
import { Options } from './Options';

void mountPage(() => <Options />, 'options_title');
