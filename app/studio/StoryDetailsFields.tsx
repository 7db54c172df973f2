'use client';

import { useState } from 'react';
import type { DraftScenario } from '@/lib/studio/draftStory';
import { slugFromTitle } from '@/lib/studio/slugFromTitle';
import { TextField } from './fields';

interface StoryDetailsFieldsProps {
  scenario: DraftScenario;
  /** A saved story keeps its id (another id is another story). */
  idEditable: boolean;
  onChange(patch: Partial<DraftScenario>): void;
}

/** The story's title, id (suggested from the title until edited), summary, source and publication. */
export function StoryDetailsFields({ scenario, idEditable, onChange }: StoryDetailsFieldsProps) {
  const [idEdited, setIdEdited] = useState(scenario.id !== '' && scenario.id !== slugFromTitle(scenario.title));
  const setTitle = (title: string) => onChange(idEditable && !idEdited ? { title, id: slugFromTitle(title) } : { title });
  return (
    <fieldset className="studio-details">
      <legend>The story</legend>
      <div className="studio-row">
        <TextField id="story-title" label="Title" value={scenario.title} onChange={setTitle} required />
        <TextField
          id="story-id"
          label="Story id"
          value={scenario.id}
          readOnly={!idEditable}
          onChange={(id) => {
            setIdEdited(true);
            onChange({ id });
          }}
          hint={idEditable ? 'Suggested from the title; lowercase letters and digits joined by hyphens' : 'A saved story keeps its id'}
        />
      </div>
      <div className="studio-field">
        <label htmlFor="story-summary">Summary</label>
        <textarea id="story-summary" rows={2} value={scenario.summary} onChange={(e) => onChange({ summary: e.target.value })} />
      </div>
      <div className="studio-row">
        <TextField id="story-source-name" label="Source name" value={scenario.sourceName} onChange={(sourceName) => onChange({ sourceName })} hint="The publication, e.g. The Daily Courier" />
        <TextField id="story-source-url" label="Source address (URL, optional)" type="url" value={scenario.sourceUrl} onChange={(sourceUrl) => onChange({ sourceUrl })} />
      </div>
      <div className="studio-row">
        <TextField id="story-published" label="Publication date" type="date" value={scenario.published} onChange={(published) => onChange({ published })} />
        <TextField id="story-published-time" label="Publication time (optional)" type="time" value={scenario.publishedTime} onChange={(publishedTime) => onChange({ publishedTime })} />
      </div>
    </fieldset>
  );
}
