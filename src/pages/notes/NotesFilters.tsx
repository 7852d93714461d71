import type { KindFilter } from '../../core/annotations/search';
import { isCitationKind, type CitationKind } from '../../core/citation';
import { kindLabel, t } from '../../ui/i18n';

export type View = 'page' | 'citation';

export interface FilterState {
  text: string;
  tag: string;
  site: string;
  kind: KindFilter | '';
  trash: boolean;
  view: View;
}

interface Props {
  filters: FilterState;
  facets: {
    tags: { tag: string; count: number }[];
    sites: { site: string; count: number }[];
    kinds: CitationKind[];
  };
  onChange: (change: Partial<FilterState>) => void;
}

/** Search as you type, the tag/site/kind filters, the trash, and the grouping. */
export function NotesFilters({ filters, facets, onChange }: Props) {
  const { text, tag, site, kind, trash, view } = filters;
  return (
    <div class="filters" role="search">
      <input
        type="search"
        class="search"
        placeholder={t('notes_search', undefined, 'Search notes…')}
        aria-label={t('notes_search', undefined, 'Search notes…')}
        value={text}
        onInput={(event) => onChange({ text: event.currentTarget.value })}
      />
      <select
        aria-label={t('notes_filter_tag', undefined, 'Tag')}
        data-filter="tag"
        value={tag}
        onChange={(event) => onChange({ tag: event.currentTarget.value })}
      >
        <option value="">{t('notes_all_tags', undefined, 'All tags')}</option>
        {facets.tags.map(({ tag: name, count }) => (
          <option key={name} value={name}>
            {name} ({count})
          </option>
        ))}
      </select>
      <select
        aria-label={t('notes_filter_site', undefined, 'Site')}
        data-filter="site"
        value={site}
        onChange={(event) => onChange({ site: event.currentTarget.value })}
      >
        <option value="">{t('notes_all_sites', undefined, 'All sites')}</option>
        {facets.sites.map(({ site: name, count }) => (
          <option key={name} value={name}>
            {name} ({count})
          </option>
        ))}
      </select>
      <select
        aria-label={t('notes_filter_kind', undefined, 'Kind')}
        data-filter="kind"
        value={kind}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onChange({ kind: value === 'passage' || isCitationKind(value) ? value : '' });
        }}
      >
        <option value="">{t('notes_all_kinds', undefined, 'All kinds')}</option>
        <option value="passage">{t('notes_kind_passage', undefined, 'Passages')}</option>
        {facets.kinds.map((k) => (
          <option key={k} value={k}>
            {kindLabel(k)}
          </option>
        ))}
      </select>
      <label class="check">
        <input
          type="checkbox"
          data-filter="trash"
          checked={trash}
          onChange={(event) => onChange({ trash: event.currentTarget.checked })}
        />
        {t('notes_trash', undefined, 'Trash')}
      </label>
      <span class="views" role="group" aria-label={t('notes_group_by', undefined, 'Group by')}>
        {(['page', 'citation'] as const).map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={view === name}
            data-view={name}
            onClick={() => onChange({ view: name })}
          >
            {name === 'page'
              ? t('notes_by_page', undefined, 'By page')
              : t('notes_by_citation', undefined, 'By citation')}
          </button>
        ))}
      </span>
    </div>
  );
}
