import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { seededRandom, shuffled } from '@/lib/synthetic/random';
import { makeMomentInput } from '../../unit/decks/momentFixtures';
import { runTogether, startChildWorker, WORKER_TIMEOUT_MS } from './fixtures/childWorkers';
import { contiguous, inspectDeck, inspectSqliteFile } from './fixtures/deckConsistency';
import { describeEachEngine, type TestStore } from './fixtures/engines';
import { applyRandomEdit, type EditorView } from './fixtures/randomEdits';
import { openStores, saveTestRoom, type Stores } from './fixtures/stores';

const ROOM = 'shared-room';
const EDIT_WORKER = path.join(import.meta.dirname, 'fixtures', 'editWorker.ts');
const EDITS_PER_WORKER = 100;

interface WorkerReport {
  succeeded: number;
  failures: Record<string, number>;
}

describeEachEngine('concurrent edits on one store', (engine) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await engine.freshStore();
    const setup = await openStores(store);
    await saveTestRoom(setup.rooms, ROOM);
    await setup.storage.close();
  });
  afterEach(() => store.remove());

  /** What a consistent deck shows after `succeeded` successful edits, read on a fresh connection. */
  async function expectConsistentDeck(succeeded: number): Promise<void> {
    const stores = await openStores(store);
    const raw = await inspectDeck(stores.storage.db, ROOM);
    expect(raw.version).toBe(succeeded);
    expect(raw.positions).toEqual(contiguous(raw.positions.length));
    expect(raw.unparsableMoments).toEqual([]);
    expect(raw.orphanMoments).toEqual([]);
    if (engine.engine === 'sqlite') expect(await inspectSqliteFile(stores.storage.db)).toEqual({ integrity: ['ok'], foreignKeyProblems: 0 });
    const deck = await stores.decks.getDeck(ROOM);
    expect(deck?.version).toBe(succeeded);
    expect(deck?.moments).toHaveLength(raw.positions.length);
  }

  it('two connections interleaving 200 seeded random edits leave a consistent deck, each reading the other at once', async () => {
    const editors: Array<{ stores: Stores; view: EditorView }> = [];
    for (const _ of [0, 1]) {
      const stores = await openStores(store);
      const deck = await stores.decks.getDeck(ROOM);
      if (!deck) throw new Error('the room is missing');
      editors.push({ stores, view: { deck } });
    }
    const random = seededRandom(20_250_420);
    const outcomes: Record<string, number> = {};
    let succeeded = 0;
    for (let edit = 0; edit < 200; edit++) {
      const which = random() < 0.5 ? 0 : 1;
      const [editor, other] = [editors[which], editors[1 - which]];
      if (!editor || !other) throw new Error('no editor');
      const result = await applyRandomEdit(editor.stores.decks, editor.view, random, 1_000 + edit, `e${edit}`);
      const outcome = result.ok ? 'ok' : result.code;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      if (result.ok) {
        succeeded++;
        expect(await other.stores.decks.getDeck(ROOM)).toEqual(result.deck);
      }
    }
    // The seed makes the mix deterministic; the stale views must have produced some refusals for the test to mean much.
    expect(succeeded).toBeGreaterThan(100);
    expect(outcomes.conflict ?? 0).toBeGreaterThan(0);
    await expectConsistentDeck(succeeded);
  });

  it('changes sent at once through one store lose nothing, and of those expecting one version exactly one wins', async () => {
    const { decks } = await openStores(store);
    const added = await Promise.all(
      Array.from({ length: 20 }, (_, index) => decks.addMoment(ROOM, makeMomentInput({ note: `at once ${index}` }), {}, 1_000 + index, `once-${index}`)),
    );
    expect(added.every((result) => result.ok)).toBe(true);
    expect(added.map((result) => (result.ok ? result.deck.version : -1)).sort((a, b) => a - b)).toEqual(contiguous(20).map((index) => index + 1));
    const deck = await decks.getDeck(ROOM);
    expect(deck?.moments.map((moment) => moment.id).sort()).toEqual(added.map((_, index) => `once-${index}`).sort());

    const ids = deck?.moments.map((moment) => moment.id) ?? [];
    const random = seededRandom(7);
    const racing = await Promise.all(
      Array.from({ length: 8 }, (_, index) => decks.reorderMoments(ROOM, shuffled(random, ids), { expectedVersion: 20 }, 2_000 + index)),
    );
    expect(racing.filter((result) => result.ok)).toHaveLength(1);
    for (const result of racing.filter((result) => !result.ok)) expect(result).toMatchObject({ ok: false, code: 'conflict', currentVersion: 21 });
    await expectConsistentDeck(21);
  });

  it(
    `two processes applying ${EDITS_PER_WORKER} edits each at once leave a consistent deck`,
    async () => {
      const workers = [
        ['a', '101'],
        ['b', '202'],
      ].map(([label, seed]) =>
        startChildWorker<WorkerReport>(EDIT_WORKER, [JSON.stringify(store.location), ROOM, label as string, seed as string, String(EDITS_PER_WORKER)]),
      );
      const reports = await runTogether(workers);
      const succeeded = reports.reduce((sum, report) => sum + report.succeeded, 0);
      const attempted = reports.reduce((sum, report) => sum + report.succeeded + Object.values(report.failures).reduce((a, b) => a + b, 0), 0);
      expect(attempted).toBe(2 * EDITS_PER_WORKER);
      expect(succeeded).toBeGreaterThan(0);
      // Each worker met the other's writes: the two really interleaved (every conflict carried the current version).
      for (const report of reports) expect(report.failures.conflict ?? 0).toBeGreaterThan(0);
      await expectConsistentDeck(succeeded);
    },
    WORKER_TIMEOUT_MS,
  );
});
