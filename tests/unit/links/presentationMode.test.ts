import { describe, expect, it } from 'vitest';
import { isBlanked, NO_CHOICES, shownChoices, type ScreenChoices } from '@/app/dashboard/presentationMode';
import { INITIAL_PRESENTATION, type Presentation } from '@/lib/replay/presentation';

const presented: Presentation = {
  momentId: 'm1',
  eventId: 'kyiv-missile-strike',
  chart: 'reported-deaths',
  filter: { types: ['strike'], actors: [] },
  blank: false,
};
const own: ScreenChoices = { selectedEventId: 'lavrov-cbs-interview', filter: { types: [], actors: ['NATO'] }, chart: 'activity-by-actor' };

describe('shownChoices', () => {
  it('following: the presenter’s event, filter and chart', () => {
    expect(shownChoices('follow', presented, own)).toEqual({ selectedEventId: 'kyiv-missile-strike', filter: { types: ['strike'], actors: [] }, chart: 'reported-deaths' });
  });

  it('following before the room is known: nothing in particular', () => {
    expect(shownChoices('follow', null, own)).toBe(NO_CHOICES);
  });

  it('free: the screen’s own choices, whatever the presenter shows', () => {
    expect(shownChoices('free', presented, own)).toBe(own);
  });
});

describe('isBlanked', () => {
  it.each<[Parameters<typeof isBlanked>[0], Presentation | null, boolean]>([
    ['follow', { ...presented, blank: true }, true],
    ['free', { ...presented, blank: true }, false],
    ['follow', INITIAL_PRESENTATION, false],
    ['follow', null, false],
  ])('%s, %j -> %s', (mode, presentation, blanked) => {
    expect(isBlanked(mode, presentation)).toBe(blanked);
  });
});
