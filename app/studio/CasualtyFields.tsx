'use client';

import { CASUALTY_FIELDS, CASUALTY_QUALIFIERS, CASUALTY_QUALIFIER_WORDS, type CasualtyField, type DraftCount } from '@/lib/studio/draftStory';

const FIELD_WORDS: Readonly<Record<CasualtyField, string>> = { killed: 'Killed', childrenKilled: 'Children killed', injured: 'Injured' };

interface CasualtyFieldsProps {
  casualties: Record<CasualtyField, DraftCount>;
  onChange(casualties: Record<CasualtyField, DraftCount>): void;
}

/** Casualty figures as reported, each with its qualifier ("at least 4"); an empty figure means "not reported". */
export function CasualtyFields({ casualties, onChange }: CasualtyFieldsProps) {
  const set = (field: CasualtyField, patch: Partial<DraftCount>) => onChange({ ...casualties, [field]: { ...casualties[field], ...patch } });
  return (
    <fieldset className="studio-casualties">
      <legend>Casualties (leave empty when the source gives no figure)</legend>
      {CASUALTY_FIELDS.map((field) => (
        <div key={field} className="studio-row">
          <div className="studio-field">
            <label htmlFor={`event-casualties-${field}-qualifier`}>{FIELD_WORDS[field]}, qualifier</label>
            <select id={`event-casualties-${field}-qualifier`} value={casualties[field].qualifier} onChange={(e) => set(field, { qualifier: e.target.value as DraftCount['qualifier'] })}>
              {CASUALTY_QUALIFIERS.map((q) => (
                <option key={q} value={q}>
                  {CASUALTY_QUALIFIER_WORDS[q]}
                </option>
              ))}
            </select>
          </div>
          <div className="studio-field">
            <label htmlFor={`event-casualties-${field}`}>{FIELD_WORDS[field]}</label>
            <input id={`event-casualties-${field}`} inputMode="numeric" value={casualties[field].value} onChange={(e) => set(field, { value: e.target.value })} />
          </div>
        </div>
      ))}
    </fieldset>
  );
}
