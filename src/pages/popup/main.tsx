import { mountPage } from '../shared/page';
import { Popup } from './Popup';

void mountPage(() => <Popup />);
