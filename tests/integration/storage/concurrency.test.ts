import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contiguous, inspectDeck } from './fixtures/deckConsistency';
import { applyRandomEdit, type EditorView } from './fixtures/randomEdits';
import { seededRandom } from '@/lib/synthetic/random';
import { openStores, saveTestRoom, type Stores } from './fixtures/stores';
import { makeTempDataDir } from './fixtures/tempDataDir';

const ROOM = 'shared-room';
const EDIT_WORKER = path.join(import.meta.dirname, 'fixtures', 'editWorker.ts');
const WORKER_TIMEOUT_MS = 60_000;

let temp: ReturnType<typeof makeTempDataDir>;
beforeEach(() => {
  temp = makeTempDataDir();
});
afterEach(() => temp.remove());

/** What a consistent deck shows after `succeeded` successful edits, read on a fresh connection. */
function expectConsistentDeck(succeeded: number): void {
  const stores = openStores(temp.dir);
  try {
    const raw = inspectDeck(stores.database.db, ROOM);
    expect(raw.integrity).toBe('ok');
    expect(raw.foreignKeyProblems).toBe(0);
    expect(raw.version).toBe(succeeded);
    expect(raw.positions).toEqual(contiguous(raw.positions.length));
    expect(raw.unparsableMoments).toEqual([]);
    const deck = stores.decks.getDeck(ROOM);
    expect(deck?.version).toBe(succeeded);
    expect(deck?.moments).toHaveLength(raw.positions.length);
  } finally {
    stores.database.close();
  }
}

describe('concurrent edits on one file', () => {
  it('two connections interleaving 200 random edits leave a consistent deck', () => {
    const setup = openStores(temp.dir);
    saveTestRoom(setup.rooms, ROOM);
    setup.database.close();
    const editors: Array<{ stores: Stores; view: EditorView }> = [0, 1].map(() => {
      const stores = openStores(temp.dir);
      const deck = stores.decks.getDeck(ROOM);
      if (!deck) throw new Error('the room is missing');
      return { stores, view: { deck } };
    });
    const random = seededRandom(20_250_420);
    const outcomes: Record<string, number> = {};
    let succeeded = 0;
    try {
      for (let edit = 0; edit < 200; edit++) {
        const editor = editors[random() < 0.5 ? 0 : 1];
        if (!editor) throw new Error('no editor');
        const result = applyRandomEdit(editor.stores.decks, editor.view, random, 1_000 + edit, `e${edit}`);
        const outcome = result.ok ? 'ok' : result.code;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (result.ok) succeeded++;
      }
    } finally {
      for (const editor of editors) editor.stores.database.close();
    }
    // The seed makes the mix deterministic; the stale views must have produced some refusals for the test to mean much.
    expect(succeeded).toBeGreaterThan(100);
    expect((outcomes.conflict ?? 0) + (outcomes.not_found ?? 0) + (outcomes.invalid ?? 0)).toBeGreaterThan(0);
    expectConsistentDeck(succeeded);
  });

  it(
    'two processes applying 100 edits each at once leave a consistent deck',
    async () => {
      const setup = openStores(temp.dir);
      saveTestRoom(setup.rooms, ROOM);
      setup.database.close();
      const workers = [
        startWorker(['a', '101']),
        startWorker(['b', '202']),
      ];
      await Promise.all(workers.map((worker) => worker.ready));
      for (const worker of workers) worker.go();
      const reports = await Promise.all(workers.map((worker) => worker.done));
      const succeeded = reports.reduce((sum, report) => sum + report.succeeded, 0);
      expect(succeeded).toBeGreaterThan(0);
      expectConsistentDeck(succeeded);
    },
    WORKER_TIMEOUT_MS,
  );
});

interface WorkerReport {
  succeeded: number;
  failures: Record<string, number>;
}

/** Spawns `editWorker.ts` on the temp data folder; it edits once told to go, and reports how many edits succeeded. */
function startWorker([label, seed]: [string, string]) {
  const child = spawn(process.execPath, ['--import', 'tsx', EDIT_WORKER, temp.dir, ROOM, label, seed, '100'], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const failure = (code: number | null) => new Error(`worker ${label} exited with ${code}: ${stderr}`);
  const ready = new Promise<void>((resolve, reject) => {
    lines.once('line', () => resolve());
    void exited.then((code) => reject(failure(code)));
  });
  const done = new Promise<WorkerReport>((resolve, reject) => {
    let last = '';
    lines.on('line', (line) => (last = line));
    child.on('error', reject);
    void exited.then((code) => (code === 0 ? resolve(JSON.parse(last) as WorkerReport) : reject(failure(code))));
  });
  return { ready, done, go: () => child.stdin.end('go\n') };
}
