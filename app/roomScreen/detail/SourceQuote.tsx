import type { Quote, Scenario } from '@/lib/events/schema';
import { sourcePassage } from '@/lib/events/sourcePassage';
import type { ScenarioSource } from '@/lib/queries/scenarioSourceQueries';

export type SourceTextStatus = { status: 'loading' } | { status: 'error' } | { status: 'ready'; source: ScenarioSource };

/** The verbatim quote, highlighted inside its paragraph of the source text, with the citation. */
export function SourceQuote({ quote, sourceText, scenarioSource }: { quote: Quote; sourceText: SourceTextStatus; scenarioSource: Scenario['source'] }) {
  const passage = sourceText.status === 'ready' ? sourcePassage(sourceText.source.text, quote) : null;
  const matches = passage !== null && passage.quote === quote.text;
  const citation = sourceText.status === 'ready' ? sourceText.source.citation : scenarioSource.citation;
  return (
    <section className="detail-source" aria-labelledby="detail-source-heading">
      <h3 id="detail-source-heading">In the source</h3>
      {sourceText.status === 'loading' && <p className="muted">Loading the source text…</p>}
      {sourceText.status === 'error' && <p className="muted">The source text could not be loaded: the quote is shown on its own.</p>}
      <figure>
        <blockquote cite={scenarioSource.url} className="detail-passage" data-testid="source-passage">
          {matches ? (
            <p>
              {passage.before}
              <mark>{passage.quote}</mark>
              {passage.after}
            </p>
          ) : (
            <p>
              <mark>{quote.text}</mark>
            </p>
          )}
        </blockquote>
        <figcaption className="muted">
          —{' '}
          {scenarioSource.url ? (
            <a href={scenarioSource.url} rel="noreferrer noopener" target="_blank">
              {citation}
            </a>
          ) : (
            citation
          )}
        </figcaption>
      </figure>
    </section>
  );
}
