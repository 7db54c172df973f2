import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchedule } from '@/lib/replay/schedule';
import { wallOffsetOf } from '@/lib/replay/timeMap';
import { readStoryFolder } from '@/lib/storyFiles/readStoryFolders';
import { DAY_PER_SECOND, END_OFFSET_MS, MAX_GAP_WALL_MS, STORY_END_MS, STORY_EVENTS, STORY_FOLDER, STORY_ID, STORY_START_MS } from '../../helpers/replayStory';

/** The facts the replay tests assert (tests/helpers/replayStory.ts) hold for the fixture as lib/replay reads it. */
describe(`the replay tests' story, ${STORY_ID}`, () => {
  it('is a valid story whose release order, anchors, bounds and wall offsets are the ones the tests assert', async () => {
    const read = await readStoryFolder(path.resolve(import.meta.dirname, '../../..', STORY_FOLDER));
    if (!read.ok) throw new Error(read.failure.problems.map((p) => p.reason).join('\n'));
    expect(read.story.scenario.id).toBe(STORY_ID);
    const schedule = buildSchedule(read.story.events);
    expect(schedule.events.map((e, i) => ({ id: e.id, anchorMs: schedule.anchorsMs[i] }))).toEqual(STORY_EVENTS.map(({ id, anchorMs }) => ({ id, anchorMs })));
    expect({ startMs: schedule.startMs, endMs: schedule.endMs }).toEqual({ startMs: STORY_START_MS, endMs: STORY_END_MS });
    const rate = { storySecondsPerSecond: DAY_PER_SECOND, maxGapWallMs: MAX_GAP_WALL_MS };
    expect(schedule.anchorsMs.map((anchor) => wallOffsetOf(schedule, rate, anchor))).toEqual(STORY_EVENTS.map((e) => e.offsetMs));
    expect(wallOffsetOf(schedule, rate, schedule.endMs)).toBe(END_OFFSET_MS);
  });

});
