// First: the schemas below must be built without eval (the page's CSP forbids it).
import './zodWithoutEval';
import { summarizeStory } from '../events/catalog';
import type { Story } from '../events/checkStory';
import { checkStoryTexts } from '../events/checkStoryFiles';
import { compareEvents } from '../events/eventSpan';
import type { StoryProblem } from '../events/problems';
import { scenarioSchema, storyEventSchema, type StoryEvent } from '../events/schema';
import type { ScenarioDetail } from '../api/scenarioResources';
import type { DraftFiles } from './draftFiles';

/**
 * The studio's live check: the story as edited, through the same checker as `npm run events:check`, and the part
 * of it that can already be previewed. Loaded by the studio page on demand (it brings the validation library).
 */
export interface DraftCheck {
  problems: StoryProblem[];
  /** The story as the preview shows it: every event that passes on its own, when the scenario does. */
  preview: Story | undefined;
}

export function checkDraft(files: DraftFiles, storyId: string): DraftCheck {
  const folderName = storyId || 'new-story';
  // The same check as `npm run events:check` (checkStoryFiles), keeping the checked story for the preview.
  const result = checkStoryTexts({ folder: `events/${folderName}`, folderName, scenarioText: files.scenarioText, eventsText: files.eventsText, sourceText: files.sourceText });
  if (result.ok) return { problems: [], preview: result.story };
  return { problems: result.problems, preview: partialStory(files) };
}

function partialStory(files: DraftFiles): Story | undefined {
  const scenario = scenarioSchema.safeParse(files.scenario);
  if (!scenario.success) return undefined;
  const events: StoryEvent[] = [];
  const ids = new Set<string>();
  for (const raw of files.events) {
    const parsed = storyEventSchema.safeParse(raw);
    if (!parsed.success || ids.has(parsed.data.id)) continue;
    ids.add(parsed.data.id);
    events.push(parsed.data);
  }
  const known = events.map((event) => ({ ...event, ...(event.related && { related: event.related.filter((id) => ids.has(id)) }) }));
  return { scenario: scenario.data, events: known.sort(compareEvents), sourceText: files.sourceText };
}

/** The preview's story in the shape the room screen loads (`storyVersion` names this state of the draft). */
export function previewDetail(story: Story, storyVersion: string): ScenarioDetail {
  return { scenario: story.scenario, summary: summarizeStory(story), events: story.events, storyVersion };
}
