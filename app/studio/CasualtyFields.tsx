'use client';

import { CASUALTY_FIGURES, CASUALTY_QUALIFIERS } from '@/lib/events/casualtyKinds';
import { CASUALTY_QUALIFIER_WORDS, FIGURE_PARTS, type CasualtyField, type DraftCount, type DraftFigure, type FigurePart } from '@/lib/studio/draftStory';

const FIGURE_WORDS: Readonly<Record<CasualtyField, string>> = { killed: 'Killed', injured: 'Injured' };
const PART_WORDS: Readonly<Record<FigurePart, string>> = { total: '', civilians: ': civilians', military: ': military', children: ': children' };

/** The control ids: `event-casualties-killed` for the total, `event-casualties-killed-children` for a part. */
const controlId = (field: CasualtyField, part: FigurePart) => (part === 'total' ? `event-casualties-${field}` : `event-casualties-${field}-${part}`);

interface CasualtyFieldsProps {
  casualties: Record<CasualtyField, DraftFigure>;
  onChange(casualties: Record<CasualtyField, DraftFigure>): void;
}

/**
 * Casualty figures as reported, each number with its qualifier ("at least 4"): a total and/or its breakdown. An
 * empty number means "not reported" (never zero).
 */
export function CasualtyFields({ casualties, onChange }: CasualtyFieldsProps) {
  const set = (field: CasualtyField, part: FigurePart, patch: Partial<DraftCount>) =>
    onChange({ ...casualties, [field]: { ...casualties[field], [part]: { ...casualties[field][part], ...patch } } });
  return (
    <fieldset className="studio-casualties">
      <legend>Casualties (leave a number empty when the source does not give it)</legend>
      {CASUALTY_FIGURES.map((field) => (
        <div key={field} className="studio-figure">
          {FIGURE_PARTS.map((part) => {
            const id = controlId(field, part);
            const label = `${FIGURE_WORDS[field]}${PART_WORDS[part]}`;
            return (
              <div key={part} className="studio-row">
                <div className="studio-field">
                  <label htmlFor={`${id}-qualifier`}>{label}, qualifier</label>
                  <select id={`${id}-qualifier`} value={casualties[field][part].qualifier} onChange={(e) => set(field, part, { qualifier: e.target.value as DraftCount['qualifier'] })}>
                    {CASUALTY_QUALIFIERS.map((q) => (
                      <option key={q} value={q}>
                        {CASUALTY_QUALIFIER_WORDS[q]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="studio-field">
                  <label htmlFor={id}>{label}</label>
                  <input id={id} inputMode="numeric" value={casualties[field][part].value} onChange={(e) => set(field, part, { value: e.target.value })} />
                </div>
              </div>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}
