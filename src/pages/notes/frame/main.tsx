import { mountPage } from '../../shared/page';
import { NoteFrame } from './NoteFrame';

// The frame's URL carries only its one-time token (`#<token>`): the task comes from the worker.
void mountPage(() => <NoteFrame token={location.hash.slice(1)} />);
