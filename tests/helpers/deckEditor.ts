import type { Deck } from '@/lib/decks/deckSchema';
import { seededRandom } from '@/lib/synthetic/random';

export type DeckEditKind = 'add' | 'reorder' | 'note' | 'delete';

/** One acknowledged edit: what was asked, and the deck version the server answered with. */
export interface AcknowledgedEdit {
  kind: DeckEditKind;
  version: number;
  momentId?: string;
  note?: string;
}

/** What one editor saw: its acknowledged edits, its conflicts (each with the version the server named), anything else. */
export interface EditorReport {
  acknowledged: AcknowledgedEdit[];
  conflicts: { currentVersion: unknown }[];
  /** Answers that are neither a success nor a 409 with the current version: must stay empty. */
  unexpected: { status: number; body: string }[];
}

const MAX_ATTEMPTS_PER_EDIT = 200;

/**
 * Sends `edits` deck edits to one server, each against the version it last saw; on a 409 it reads the deck again and
 * plans the edit anew (a client that retries). Edits follow a seeded mix of add, reorder, note and delete.
 */
export async function runDeckEditor(options: { baseUrl: string; roomId: string; presenterKey: string; edits: number; seed: number; label: string; storyMs: number }): Promise<EditorReport> {
  const { baseUrl, roomId, presenterKey, label } = options;
  const random = seededRandom(options.seed);
  const report: EditorReport = { acknowledged: [], conflicts: [], unexpected: [] };
  const headers = { authorization: `Bearer ${presenterKey}`, 'content-type': 'application/json' };
  const deckUrl = (route = '') => `${baseUrl}/api/rooms/${roomId}/deck${route}`;
  const readDeck = async (): Promise<Deck> => {
    const response = await fetch(deckUrl(), { headers });
    if (!response.ok) throw new Error(`GET deck answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { deck: Deck }).deck;
  };
  let deck = await readDeck();
  for (let edit = 0; edit < options.edits; edit++) {
    const roll = random();
    for (let attempt = 0; ; attempt++) {
      if (attempt >= MAX_ATTEMPTS_PER_EDIT) throw new Error(`${label}: edit ${edit} still conflicted after ${MAX_ATTEMPTS_PER_EDIT} attempts`);
      const size = deck.moments.length;
      // Balanced, and kept between a few moments and well under the deck's limit.
      const kind: DeckEditKind = size < 3 ? 'add' : size > 150 ? 'delete' : roll < 0.3 ? 'add' : roll < 0.5 ? 'reorder' : roll < 0.75 ? 'note' : 'delete';
      const target = deck.moments[Math.floor(random() * deck.moments.length)];
      const note = `${label}-${edit}-${attempt}`;
      const expectedVersion = deck.version;
      let request: { route: string; method: string; body?: unknown };
      switch (kind) {
        case 'add':
          request = { route: '/moments', method: 'POST', body: { moment: { storyMs: options.storyMs, filter: { types: [], actors: [] }, chart: 'events-per-day', note }, expectedVersion } };
          break;
        case 'reorder': {
          const ids = deck.moments.map((moment) => moment.id);
          request = { route: '/order', method: 'PUT', body: { momentIds: [...ids.slice(1), ids[0]], expectedVersion } };
          break;
        }
        case 'note':
          request = { route: `/moments/${target?.id}`, method: 'PATCH', body: { patch: { note }, expectedVersion } };
          break;
        case 'delete':
          request = { route: `/moments/${target?.id}?expectedVersion=${expectedVersion}`, method: 'DELETE' };
          break;
      }
      const response = await fetch(deckUrl(request.route), {
        method: request.method,
        headers,
        ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
      });
      const text = await response.text();
      if (response.ok) {
        deck = (JSON.parse(text) as { deck: Deck }).deck;
        const momentId = kind === 'add' ? deck.moments.find((moment) => moment.note === note)?.id : target?.id;
        report.acknowledged.push({ kind, version: deck.version, ...(momentId !== undefined && { momentId }), ...(kind !== 'delete' && kind !== 'reorder' && { note }) });
        break;
      }
      const body = JSON.parse(text) as { error?: { code?: string }; currentVersion?: unknown };
      if (response.status === 409 && body.error?.code === 'conflict' && typeof body.currentVersion === 'number') {
        report.conflicts.push({ currentVersion: body.currentVersion });
        deck = await readDeck();
        continue;
      }
      report.unexpected.push({ status: response.status, body: text });
      deck = await readDeck();
      break;
    }
  }
  return report;
}
