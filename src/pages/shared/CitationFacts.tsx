/**
 * What the tooltip says of a citation, for the extension's pages: its kind and title, the document's
 * type and date, the citation in words, and how the facts were obtained (provenanceLabel, the card's
 * own honest label). Every string is rendered as text by Preact.
 */
import { Fragment } from 'preact';
import { documentTypeName } from '../../core/cite/doc-types';
import type { CitationKind } from '../../core/citation';
import type { LookupResult, SuffixInference } from '../../core/dataset/types';
import { formatDay } from '../../ui/format';
import { kindLabel, provenanceLabel, inferenceSentence, t, uiLanguage } from '../../ui/i18n';

interface Props {
  id: string;
  kind: CitationKind | undefined;
  /** The lookup's answer; undefined until it arrives (or when it failed): then the kind and id alone. */
  result: LookupResult | undefined;
  /** The element of the title line: a group's heading, or a paragraph on a note card. */
  titleAs: 'h2' | 'p';
}

export function CitationFacts({ id, kind, result, titleAs: Title }: Props) {
  const kindName = kind ?? result?.kind;
  const language = uiLanguage().startsWith('en') ? 'en' : 'nl';
  return (
    <div class="citation-facts" data-citation-id={id}>
      <Title class="citation-title">
        {kindName && <span class="citation-kind">{kindLabel(kindName)} </span>}
        {result?.title ? (
          <span class="title" lang={result.titleLang}>
            {result.title}
          </span>
        ) : (
          <code>{id}</code>
        )}
      </Title>
      {result && (
        <>
          <p class="citation-details">{joined(details(id, result, language))}</p>
          <p class={`provenance confidence-${result.confidence}`} data-testid="provenance">
            {provenanceLabel(result)}
          </p>
          {result.inference && <Inference inference={result.inference} />}
        </>
      )}
    </div>
  );
}

/**
 * Why a suffixless citation was read as one document, and the other documents with its number one click away
 * (the tooltip's picker, read-only here: a choice is made on the page, where the citation is).
 */
function Inference({ inference }: { inference: SuffixInference }) {
  return (
    <div class="inference" data-testid="inference">
      <p>{inferenceSentence(inference)}</p>
      <details>
        <summary>{t('doc_alternatives', [String(inference.alternatives.length)])}</summary>
        <ul class="alternatives">
          {inference.alternatives.map((alt) => (
            <li
              key={alt.id}
              data-alternative-id={alt.id}
              aria-current={alt.id === inference.chosen || undefined}
            >
              <span class="alt-label">{alt.label}</span>{' '}
              <span class="alt-title" lang="nl">
                {alt.title}
              </span>
              {alt.date && <time dateTime={alt.date}> ({formatDay(alt.date)})</time>}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** The facts below the title, those the answer has: the document's type, date, the citation in words, its id. */
function details(id: string, result: LookupResult, language: 'nl' | 'en'): preact.JSX.Element[] {
  const parts: preact.JSX.Element[] = [];
  if (result.docType) {
    const type = documentTypeName(result.docType, language);
    parts.push(
      <span class="doc-type" lang={type.lang}>
        {type.text}
      </span>,
    );
  }
  if (result.date) parts.push(<time dateTime={result.date}>{formatDay(result.date)}</time>);
  // Said once: a document known only by its dossier is titled "<label> — <dossier title>".
  if (result.label && !result.title.startsWith(result.label))
    parts.push(<span class="citation-label">{result.label}</span>);
  if (result.title) parts.push(<code class="citation-id">{result.inference?.chosen ?? id}</code>);
  return parts;
}

/** Parts separated by a middle dot, as text (copied and read aloud with the parts). */
function joined(parts: preact.JSX.Element[]): preact.ComponentChildren {
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && ' · '}
      {part}
    </Fragment>
  ));
}
