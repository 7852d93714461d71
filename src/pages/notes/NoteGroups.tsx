import { parseDocumentUrn, type Annotation } from '../../core/annotations/model';
import { groupByCitation, groupByPage } from '../../core/annotations/search';
import type { CitationKind } from '../../core/citation';
import type { LookupResult } from '../../core/dataset/types';
import type { NotesListing } from '../../messaging/contract';
import { t, tCount } from '../../ui/i18n';
import { CitationFacts } from '../shared/CitationFacts';
import { NoteCard, type NoteActions } from './NoteCard';
import type { View } from './NotesFilters';

/** The group key of the notes on passages without a citation, in the by-citation view. */
export const PASSAGE_GROUP = 'passage';

interface Group {
  key: string;
  header: preact.ComponentChildren;
  notes: Annotation[];
}

/**
 * The drawn notes in groups: per page, or per citation with the passage notes in a group of their own.
 * `facts`: the dataset's answers for the cited ids, for the citation groups' headers.
 */
export function groupNotes(
  drawn: Annotation[],
  view: View,
  facts: ReadonlyMap<string, LookupResult>,
): Group[] {
  if (view === 'page')
    return groupByPage(drawn).map((group) => ({
      key: group.url,
      header: <PageHeader {...group} />,
      notes: group.annotations,
    }));
  const groups: Group[] = groupByCitation(drawn).map((group) => ({
    key: group.citationId,
    header: (
      <CitationHeader
        id={group.citationId}
        kind={group.kind}
        result={facts.get(group.citationId)}
        pages={group.pages.length}
      />
    ),
    notes: group.annotations,
  }));
  const passages = drawn.filter((note) => note.target.citationId === undefined);
  if (passages.length > 0) {
    const pages = new Set(passages.map((note) => note.url)).size;
    groups.push({ key: PASSAGE_GROUP, header: <PassageHeader pages={pages} />, notes: passages });
  }
  return groups;
}

interface Props {
  groups: Group[];
  view: View;
  anchors: NotesListing['anchors'];
  actions: NoteActions;
  /** The dataset's answers for the cited ids: a card in the by-page view shows its citation's facts. */
  facts: ReadonlyMap<string, LookupResult>;
}

export function NoteGroups({ groups, view, anchors, actions, facts }: Props) {
  return (
    <div class="groups">
      {groups.map((group) => (
        <section class="group" key={`${view}:${group.key}`} data-group={group.key}>
          {group.header}
          {group.notes.map((note) => (
            <NoteCard
              key={note.id}
              note={note}
              anchor={anchors[note.id] ?? 'unknown'}
              actions={actions}
              showPage={view === 'citation'}
              facts={
                view === 'page' && note.target.citationId ? facts.get(note.target.citationId) : undefined
              }
            />
          ))}
        </section>
      ))}
    </div>
  );
}

function PageHeader({ url, title, site }: { url: string; title: string; site: string }) {
  // A file from the user's computer has no address to show: say where it is, and what "open" does.
  const local = parseDocumentUrn(url);
  return (
    <header class="group-header">
      <h2>{title || url}</h2>
      <p class="group-sub">
        {local ? (
          <span class="site">
            {t(
              local.format === 'pdf' ? 'notes_local_pdf' : 'notes_local_docx',
              undefined,
              'On your computer',
            )}
          </span>
        ) : (
          <>
            <span class="site">{site}</span> · <span class="url">{url}</span>
          </>
        )}
      </p>
    </header>
  );
}

function CitationHeader({
  id,
  kind,
  result,
  pages,
}: {
  id: string;
  kind: CitationKind | undefined;
  result: LookupResult | undefined;
  pages: number;
}) {
  return (
    <header class="group-header">
      <CitationFacts id={id} kind={kind} result={result} titleAs="h2" />
      <p class="group-sub">{tCount('notes_on_pages', pages)}</p>
    </header>
  );
}

function PassageHeader({ pages }: { pages: number }) {
  return (
    <header class="group-header">
      <h2>{t('notes_passages_group', undefined, 'Passages without a citation')}</h2>
      <p class="group-sub">{tCount('notes_on_pages', pages)}</p>
    </header>
  );
}
