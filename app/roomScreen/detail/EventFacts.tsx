import { eventTypeLabel } from '@/lib/events/eventTypeLabels';
import { formatStoryTime, precisionLabel } from '@/lib/events/formatStoryDate';
import type { StoryEvent } from '@/lib/events/schema';
import { casualtyRows, coordinatePrecisionLabel, formatCoordinates } from './eventFacts';

/** Strikes always show their casualty figures ("not reported" where the source gives none); other events when reported. */
function showsCasualties(event: StoryEvent): boolean {
  return event.casualties !== undefined || event.type === 'strike';
}

/** When, what, who, where, casualties as reported, and who says so. */
export function EventFacts({ event }: { event: StoryEvent }) {
  return (
    <dl className="detail-facts">
      <div>
        <dt>Date</dt>
        <dd>
          <span className="detail-date">{formatStoryTime(event.time)}</span>
          {!formatStoryTime(event.time).includes(precisionLabel(event.time)) && (
            <span className="detail-precision"> ({precisionLabel(event.time)})</span>
          )}
          <span className="detail-as-written">
            As written: <q>{event.time.asWritten}</q>
          </span>
        </dd>
      </div>
      <div>
        <dt>Type</dt>
        <dd>
          <span className={`detail-swatch type-${event.type}`} aria-hidden="true" />
          {eventTypeLabel(event.type)}
        </dd>
      </div>
      <div>
        <dt>Actors</dt>
        <dd>
          {event.actors.length === 0 ? (
            'none named'
          ) : (
            <ul className="detail-actors">
              {event.actors.map((actor) => (
                <li key={actor.name}>
                  {actor.name}
                  {actor.asWritten !== undefined && (
                    <span className="detail-as-written-name">
                      {' '}
                      (as written: <q>{actor.asWritten}</q>)
                    </span>
                  )}{' '}
                  — <span className="muted">{actor.role}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt>Place</dt>
        <dd>
          {event.location?.name ?? 'not given'}
          {event.location?.coordinates && (
            <span className="detail-coordinates">
              {formatCoordinates(event.location.coordinates)} ({coordinatePrecisionLabel(event.location.coordinates.precision)})
            </span>
          )}
        </dd>
      </div>
      {showsCasualties(event) && (
        <div>
          <dt>Casualties, as reported</dt>
          <dd>
            <dl className="detail-casualties" data-testid="casualties">
              {casualtyRows(event.casualties).map((row) => (
                <div key={row.label}>
                  <dt>{row.label}:</dt> <dd>{row.value}</dd>
                </div>
              ))}
            </dl>
          </dd>
        </div>
      )}
      <div>
        <dt>Attribution</dt>
        <dd>{event.attribution}</dd>
      </div>
    </dl>
  );
}
