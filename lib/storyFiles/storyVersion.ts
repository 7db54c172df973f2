import { createHash } from 'node:crypto';
import type { Story } from '../events/checkStory';

/** Hex characters of the SHA-256 digest kept in a story version: 128 bits, plenty to tell versions apart. */
const VERSION_HEX_CHARS = 32;

/**
 * The content version of a story: a hash of everything a client loads of it (scenario, events in story order,
 * source text). Two servers holding the same story folder give it the same version.
 */
export function storyVersion(story: Story): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(story.scenario));
  hash.update('\0');
  hash.update(JSON.stringify(story.events));
  hash.update('\0');
  hash.update(story.sourceText);
  return hash.digest('hex').slice(0, VERSION_HEX_CHARS);
}
