/**
 * Facts about events/2025-04-putin-trump that the replay tests assert exactly: its events in release order and
 * the bounds of its replay. If the story changes, these change with it.
 */
export const STORY_IDS = [
  'remchukov-2018-mayoral-campaign', // 2018-01-01
  'invasion-of-ukraine-2022', // 2022-01-01
  'putin-urges-nato-halt-expansion', // 2022-01-01
  'annexation-of-four-areas', // 2022-09-01
  'earlier-putin-witkoff-sessions', // 2025-01-01
  'restaurant-strike-april-4', // 2025-04-04
  'beauty-event-footage', // 2025-04-04
  'kursk-99-percent-claim', // 2025-04-14
  'crimea-and-front-lines-offer', // 2025-04-19
  'peace-settlement-proposal', // 2025-04-19
  'putin-admits-civilian-targets', // 2025-04-21
  'putin-restaurant-vodka-remark', // 2025-04-21
  'lavrov-cbs-interview', // 2025-04-24
  'trump-concessions-remark', // 2025-04-24
  'putin-witkoff-fourth-session', // 2025-04-25 ...
  'analysts-full-invasion-unachievable',
  'assaults-on-cities-intensify',
  'elite-sees-room-for-deal',
  'experts-battlefield-advantage',
  'golosov-advantage-in-warfare',
  'golosov-window-of-opportunity',
  'kyiv-missile-strike',
  'moscow-optimism-on-deals',
  'pavlohrad-drone-assault',
  'putin-disregards-swift-resolution',
  'remchukov-deal-benefits',
  'remchukov-kursk-motive',
  'remchukov-truce-commentary',
  'remchukov-why-not-end-fighting',
  'trump-no-nato-for-ukraine',
  'trump-threatened-to-withdraw',
  'trump-vladimir-stop',
] as const;

/** The first event's anchor: where the replay starts. */
export const STORY_START_MS = Date.UTC(2018, 0, 1);
/** The end of the story's span: where the replay ends. */
export const STORY_END_MS = Date.UTC(2025, 3, 26);

/** The first `n` event ids in release order. */
export const firstIds = (n: number): string[] => STORY_IDS.slice(0, n);
