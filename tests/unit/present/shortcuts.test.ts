import { CHART_IDS } from '@/lib/charts/chartIds';
import { describe, expect, it } from 'vitest';
import { describeShortcut, SHORTCUT_LISTINGS, shortcutFor, type KeyPress, type KeyTarget, type ShortcutAction } from '@/app/present/shortcuts';

const press = (key: string, modifiers: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('shortcutFor', () => {
  it.each<[string, ShortcutAction]>([
    ['ArrowRight', { type: 'next' }],
    [' ', { type: 'next' }],
    ['ArrowLeft', { type: 'previous' }],
    ['p', { type: 'togglePlay' }],
    ['P', { type: 'togglePlay' }],
    ['f', { type: 'toggleFullscreen' }],
    ['F', { type: 'toggleFullscreen' }],
    ['1', { type: 'chooseChart', chart: 'events-per-day' }],
    ['2', { type: 'chooseChart', chart: 'reported-deaths' }],
    ['3', { type: 'chooseChart', chart: 'strikes-vs-diplomacy' }],
    ['4', { type: 'chooseChart', chart: 'activity-by-actor' }],
    ['b', { type: 'toggleBlank' }],
    ['B', { type: 'toggleBlank' }],
    ['?', { type: 'toggleHelp' }],
  ])('%j -> %j', (key, action) => {
    expect(shortcutFor(press(key))).toEqual(action);
  });

  it.each(['5', '0', 'a', 'Enter', 'Escape', 'ArrowUp', 'Tab', 'Home'])('%j is not a shortcut', (key) => {
    expect(shortcutFor(press(key))).toBeNull();
  });

  it.each<Partial<Omit<KeyPress, 'key'>>>([{ ctrlKey: true }, { metaKey: true }, { altKey: true }])('leaves keys with %j to the browser', (modifiers) => {
    expect(shortcutFor(press('ArrowRight', modifiers))).toBeNull();
    expect(shortcutFor(press('f', modifiers))).toBeNull();
  });

  it('ignores every key while typing in a field', () => {
    for (const key of ['ArrowRight', ' ', 'ArrowLeft', 'p', 'f', '1', 'b', '?']) expect(shortcutFor(press(key), 'text-entry')).toBeNull();
  });

  it.each<[KeyTarget, ShortcutAction | null]>([
    ['activatable', null],
    ['other', { type: 'next' }],
  ])('Space on %s target -> %j (a focused button keeps its Space)', (target, action) => {
    expect(shortcutFor(press(' '), target)).toEqual(action);
    expect(shortcutFor(press('ArrowRight'), target)).toEqual({ type: 'next' });
  });
});

describe('the shortcut list', () => {
  it('lists every chart, in the order of its key', () => {
    const charts = SHORTCUT_LISTINGS.flatMap(({ keys, action }) => (action.type === 'chooseChart' ? [[keys[0], action.chart]] : []));
    expect(charts).toEqual(CHART_IDS.map((chart, index) => [String(index + 1), chart]));
  });

  it('maps every listed key back to its action', () => {
    const keyOf = (label: string) => ({ '→': 'ArrowRight', '←': 'ArrowLeft', Space: ' ' })[label] ?? label;
    for (const { keys, action } of SHORTCUT_LISTINGS) {
      for (const key of keys) expect(shortcutFor(press(keyOf(key)))).toEqual(action);
    }
  });

  it('describes every action', () => {
    const descriptions = SHORTCUT_LISTINGS.map(({ action }) => describeShortcut(action));
    expect(new Set(descriptions).size).toBe(SHORTCUT_LISTINGS.length);
    expect(describeShortcut({ type: 'chooseChart', chart: 'reported-deaths' })).toContain('Reported deaths');
  });
});
