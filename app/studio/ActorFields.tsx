'use client';

import type { DraftActor } from '@/lib/studio/draftStory';

interface ActorFieldsProps {
  actors: readonly DraftActor[];
  /** The story's actors so far, by name: suggested, and their role filled in when picked. */
  known: ReadonlyMap<string, string>;
  onChange(actors: DraftActor[]): void;
}

/** The event's actors: each a name (suggested from the story's actors), a role, and the name as the source spells it. */
export function ActorFields({ actors, known, onChange }: ActorFieldsProps) {
  const setAt = (index: number, patch: Partial<DraftActor>) => onChange(actors.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  const setName = (index: number, name: string) => {
    const role = known.get(name);
    setAt(index, role !== undefined && !actors[index]?.role ? { name, role } : { name });
  };
  return (
    <fieldset className="studio-actors">
      <legend>Actors</legend>
      <datalist id="story-actor-names">
        {[...known.keys()].map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {actors.length === 0 && <p className="muted">No actor yet.</p>}
      {actors.map((actor, index) => (
        <div key={index} className="studio-row">
          <div className="studio-field">
            <label htmlFor={`event-actor-${index}-name`}>Actor {index + 1}, name</label>
            <input id={`event-actor-${index}-name`} list="story-actor-names" value={actor.name} onChange={(e) => setName(index, e.target.value)} />
          </div>
          <div className="studio-field">
            <label htmlFor={`event-actor-${index}-role`}>Actor {index + 1}, role</label>
            <input id={`event-actor-${index}-role`} value={actor.role} onChange={(e) => setAt(index, { role: e.target.value })} />
          </div>
          <div className="studio-field">
            <label htmlFor={`event-actor-${index}-as-written`}>Actor {index + 1}, name as written (optional)</label>
            <input id={`event-actor-${index}-as-written`} value={actor.asWritten} onChange={(e) => setAt(index, { asWritten: e.target.value })} />
          </div>
          <button type="button" className="button" onClick={() => onChange(actors.filter((_, i) => i !== index))}>
            Remove actor {index + 1}
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...actors, { name: '', role: '', asWritten: '' }])}>
        Add an actor
      </button>
    </fieldset>
  );
}
