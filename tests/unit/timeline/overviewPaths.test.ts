import { describe, expect, it } from 'vitest';
import { LINEAR_TIME_SCALE, scaleFromBreaks } from '@/lib/timeline/compressedScale';
import { overviewPaths } from '@/lib/timeline/overviewPaths';
import { HOUR, makeMark } from './fixtures';

/** The range is 1000 hours, so an hour is one unit of the 1000-wide view box; lanes are 10 units high. */
const RANGE = { startMs: 0, endMs: 1000 * HOUR };

describe('overviewPaths', () => {
  it('draws ticks for points and bounds, lines for spans, in their lane’s row, one path per type', () => {
    const paths = overviewPaths(
      [
        makeMark('a', 'strike', 'point', 100),
        makeMark('b', 'strike', 'onOrBefore', 250.26),
        makeMark('c', 'statement', 'span', 200, 300),
        makeMark('d', 'proposal', 'onOrAfter', 10),
        makeMark('e', 'background', 'span', 500, 500.2),
      ],
      RANGE,
      LINEAR_TIME_SCALE,
    );
    expect(paths).toEqual({
      strike: 'M100 2v6M250.3 2v6',
      meeting: '',
      statement: 'M200 25H300',
      proposal: 'M10 12v6',
      claim: '',
      background: 'M500 45H501',
    });
  });

  it('places marks on the axis of the scale: after a break, shifted left by what the break cut', () => {
    // Hours 200 to 1200 drawn as 10 hours: an event at hour 1300 sits at 310 of the 1000-hour range.
    const scale = scaleFromBreaks([{ fromMs: 200 * HOUR, toMs: 1200 * HOUR, axisFromMs: 200 * HOUR, axisToMs: 210 * HOUR, label: 'gap' }]);
    const paths = overviewPaths([makeMark('a', 'strike', 'point', 100), makeMark('b', 'strike', 'point', 1300)], RANGE, scale);
    expect(paths.strike).toBe('M100 2v6M310 2v6');
  });
});
