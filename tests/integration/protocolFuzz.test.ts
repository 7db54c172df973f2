/**
 * Seeded protocol fuzz: 10,000 hostile messages against the real server, in rounds of 500.
 *
 * What it sends (tests/helpers/protocolFuzz, generated from one seed): from several sockets without the presenter
 * key, unknown event names (`error`, `__proto__`, server event names, junk), `replay:control` with junk (wrong types,
 * missing and extra fields, huge, negative and fractional numbers, "NaN"/"Infinity", deep nesting, own
 * `__proto__`/`constructor`/`prototype` keys, long strings, arrays instead of objects, binary), near-valid controls
 * (a valid seek/step/play/pause/rate/present with one field off), valid controls, and `replay:resume` with bogus
 * seqs and epochs — with and without acknowledgement callbacks; from presenter sockets, near-valid and valid
 * controls; handshakes that are wrong (no protocol, protocol 1, junk fields, unknown rooms, a 10,000-character room
 * id, presenter keys one character off, auth that is not an object) or valid; and raw engine.io / Socket.IO frames
 * on a hand-written WebSocket (reserved event names, bad ack ids, namespaces, binary events with placeholders under
 * `__proto__`, out of range, or with attachments missing or extra).
 *
 * What it checks: every message sent with a callback is answered — a viewer's control `forbidden` when its shape is
 * valid and `invalid_payload` otherwise, a resume `{ ok: true }` or `invalid_payload`, an unknown event
 * `unknown_event`; a presenter's control `invalid_payload` when malformed, otherwise `{ ok: true, seq }` with the
 * room's seq or `out_of_range`/`no_event` (a repeated commandId: the first answer). Refused messages leave the room
 * (seq, epoch, clock, released, presentation) as it was, checked on the server after each presenter control and
 * after each round of viewer messages; a watcher socket receives exactly the numbered messages of the accepted
 * controls (no gap, no duplicate) and folds to the server's state. Each handshake ends in its expected connect
 * error (or a snapshot); each raw frame is either ignored (a probe sent after it is answered), leaves the namespace
 * (a new connect packet is answered), or closes that connection; no message costs a viewer socket its connection.
 * Each round ends with a known presenter control (a presentation or a seek) that must reach the watcher, health
 * answering 200 and no error logged; at the end a new client joins. The replay runs on a manual clock, so the room
 * changes only through accepted controls; the limit of controls per second is raised to 1,000 and each socket sends
 * fewer than that in all, so no answer is rate_limited.
 *
 * Replaying: the seed is printed; a failure names the seed, the index of the message and the message.
 * `SITREP_PROTOCOL_FUZZ_SEED=<seed> npx vitest run --project integration tests/integration/protocolFuzz.test.ts`
 * sends the same messages in the same order.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_IDS } from '@/lib/charts/chartIds';
import type { ControlAck } from '@/lib/realtime/protocol';
import { ManualClock } from '@/lib/replay/manualClock';
import { releasedCountAt } from '@/lib/replay/schedule';
import { joinRoom, seqRange, seqsOf, type ReplayClient } from '../helpers/replayClient';
import { fetchSchedule, healthStatus, serverRoom } from '../helpers/replayServer';
import { DAY_PER_SECOND, isoAt, MAX_GAP_WALL_MS, STORY_EVENTS, STORY_FOLDER, STORY_ID, STORY_IDS } from '../helpers/replayStory';
import { makeEventsDir, startTestServer, type TestServer } from '../helpers/startTestServer';
import { fuzzMessages, type FuzzMessage } from '../helpers/protocolFuzz/fuzzMessages';
import { FuzzViolation } from '../helpers/protocolFuzz/fuzzOracle';
import { FuzzRound } from '../helpers/protocolFuzz/fuzzRound';

const T0 = Date.UTC(2026, 0, 1);
const PRESENTER_KEY = 'protocol-fuzz-presenter-key-0123456789abcdef';
const MESSAGE_COUNT = 10_000;
const ROUND_SIZE = 500;
/** Sockets the viewer messages are spread over. Each sends fewer controls than the per-second limit in all. */
const VIEWER_SOCKETS = 8;
const CONTROLS_PER_SECOND = 1_000;

function fuzzSeed(): number {
  const given = process.env.SITREP_PROTOCOL_FUZZ_SEED;
  if (given === undefined || given === '') return randomInt(2 ** 31);
  const seed = Number(given);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`SITREP_PROTOCOL_FUZZ_SEED must be a whole number, not "${given}"`);
  return seed;
}

describe('protocol fuzz', () => {
  const seed = fuzzSeed();
  const clock = new ManualClock(T0);
  const eventsDir = makeEventsDir([STORY_FOLDER]);
  let server: TestServer;
  const clients: ReplayClient[] = [];
  const open = async (presenterKey?: string) => {
    const client = await joinRoom(server.url, presenterKey === undefined ? {} : { presenterKey });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({
      clock,
      eventsDir: eventsDir.dir,
      env: {
        SITREP_LIVE_RATE: String(DAY_PER_SECOND),
        SITREP_MAX_GAP_MS: String(MAX_GAP_WALL_MS),
        SITREP_PRESENTER_KEY: PRESENTER_KEY,
        SITREP_CONTROLS_PER_SECOND: String(CONTROLS_PER_SECOND),
      },
    });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
    eventsDir.remove();
  });

  it(`survives ${MESSAGE_COUNT} seeded hostile messages with every answer, state and stream as the protocol says`, async () => {
    console.log(`protocol fuzz seed: ${seed} (replay with SITREP_PROTOCOL_FUZZ_SEED=${seed})`);
    const started = Date.now();
    const facts = {
      seekTargets: STORY_EVENTS.map((e) => isoAt(e.anchorMs + 3_600_000)),
      eventIds: STORY_IDS,
      rooms: [{ id: 'live', presenterKey: PRESENTER_KEY }],
    };
    const messages: FuzzMessage[] = fuzzMessages(seed, MESSAGE_COUNT, facts);
    const schedule = await fetchSchedule(server, STORY_ID);
    const watcher = await open();
    const viewers = await Promise.all(Array.from({ length: VIEWER_SOCKETS }, () => open()));
    const driver = await open(PRESENTER_KEY);
    const round = new FuzzRound({ seed, server, room: () => serverRoom(server, 'live'), viewers, openPresenter: () => open(PRESENTER_KEY), controlsPerSocket: CONTROLS_PER_SECOND - 100 });

    /** After a round: a known control, so that a server ignoring every control fails here; the watcher; health. */
    const checkRound = async (r: number) => {
      const room = serverRoom(server, 'live');
      const before = room.snapshot();
      let answer: ControlAck;
      if (r % 2 === 0) {
        const presentation = { momentId: null, eventId: STORY_IDS[r % STORY_IDS.length] ?? null, chart: CHART_IDS[r % CHART_IDS.length] ?? 'events-per-day', filter: { types: [], actors: [] }, blank: !before.presentation.blank };
        answer = await driver.control({ type: 'present', presentation });
        expect(room.snapshot().presentation).toEqual(presentation);
      } else {
        const targets = STORY_EVENTS.map((e) => e.anchorMs + 60_000).filter((ms) => ms !== before.clock.positionMs);
        const target = targets[r % targets.length] as number;
        answer = await driver.control({ type: 'seek', to: isoAt(target) });
        expect(room.snapshot()).toMatchObject({ clock: { positionMs: target }, released: releasedCountAt(schedule, target) });
      }
      expect(answer).toEqual({ ok: true, seq: before.seq + 1 });

      // The watcher saw exactly the accepted controls' messages, in order, and holds the server's state.
      await watcher.waitForSeq(room.lastSeq);
      expect(await watcher.resume(room.lastSeq)).toEqual({ ok: true, resent: 0, serverNowMs: T0 });
      expect(seqsOf(watcher.received)).toEqual([0, ...seqRange(1, room.lastSeq)]);
      const { seq, clock: replayClock, released, presentation } = room.snapshot();
      expect(watcher.state).toMatchObject({ seq, clock: replayClock, released, presentation });
      expect(watcher.received.at(-1)?.name).toBe(r % 2 === 0 ? 'replay:presentation' : 'replay:jump');

      expect(await healthStatus(server)).toBe(200);
      expect(server.logs.filter((l) => l.level === 'error')).toEqual([]);
    };

    for (let from = 0, r = 0; from < messages.length; from += ROUND_SIZE, r++) {
      const to = Math.min(messages.length, from + ROUND_SIZE);
      await round.run(messages, from, to);
      await checkRound(r).catch((error: unknown) => {
        throw new FuzzViolation(seed, to - 1, undefined, error instanceof Error ? error.message : String(error));
      });
    }

    const fresh = await open();
    expect(fresh.snapshots[0]).toMatchObject({ protocol: 2, room: 'live', seq: serverRoom(server, 'live').lastSeq });
    round.close();
    const stats = round.stats;
    console.log(`protocol fuzz: ${messages.length} messages in ${Date.now() - started} ms, ${JSON.stringify(stats)}`);
    // The run covered what it claims: every kind of message, and presenter controls both refused and accepted.
    expect(stats.viewerAnswered + stats.viewerUnanswered + stats.presenter + stats.handshakes + stats.frames).toBe(MESSAGE_COUNT);
    expect(Math.min(stats.viewerAnswered, stats.viewerUnanswered, stats.presenterAccepted, stats.presenterRefused, stats.handshakes, stats.frames)).toBeGreaterThan(0);
  }, 120_000);
});
