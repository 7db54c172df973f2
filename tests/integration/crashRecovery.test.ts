/**
 * A crash loses no playback: the real server process is killed with SIGKILL mid-replay and started again on the same
 * data. Every room comes back within a second of playback of where it stood at the kill — the live room playing on,
 * a briefing room paused there with its deck, presentation and presenter key — and a connected screen resyncs to the
 * new epoch on its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Deck } from '@/lib/decks/deckSchema';
import { playheadAt, type ReplayClock } from '@/lib/replay/playbackMachine';
import type { Presentation } from '@/lib/replay/presentation';
import type { Schedule } from '@/lib/replay/schedule';
import { wallBetween } from '@/lib/replay/timeMap';
import { joinRoom, ReplayClient, WAIT_MS } from '../helpers/replayClient';
import { createRoom, fetchSchedule } from '../helpers/replayServer';
import { STORY_FOLDER, STORY_ID } from '../helpers/replayStory';
import { startServerProcess, stopServerProcess, type ServerProcess } from '@/bench/core/sitrepProcess';
import { makeEventsDir, REPO_ROOT } from '../helpers/startTestServer';
import { freePort } from '@/scripts/lib/localServices/freePort';

/** The promise: a room comes back within this much playback (wall time at its rate) of where it stood at the kill. */
const MAX_LOST_PLAYBACK_WALL_MS = 1_000;
/** Long quiet stretches (10 min of wall time at most): neither room reaches an event or the end during the test. */
const ENV_RATES = { SITREP_LIVE_RATE: '86400', SITREP_MAX_GAP_MS: '600000' };
/** How long the rooms play before the kill: several checkpoints. */
const PLAY_BEFORE_KILL_MS = 1_500;
const TEST_TIMEOUT_MS = 240_000;

const PRESENTED: Presentation = { momentId: null, eventId: 'levee-gives-way', chart: 'reported-deaths', filter: { types: ['claim'], actors: [] }, blank: false };

/** Wall time of playback between the room's position at the kill and where it came back (negative: it came back ahead). */
function lostPlaybackWallMs(schedule: Schedule, beforeKill: ReplayClock, killedAtMs: number, resumedAtStoryMs: number): number {
  const atKill = playheadAt(beforeKill, schedule, killedAtMs);
  return resumedAtStoryMs <= atKill ? wallBetween(schedule, beforeKill, resumedAtStoryMs, atKill) : -wallBetween(schedule, beforeKill, atKill, resumedAtStoryMs);
}

async function deckOf(url: string, roomId: string, key: string): Promise<Deck> {
  const response = await fetch(`${url}/api/rooms/${roomId}/deck`, { headers: { authorization: `Bearer ${key}` } });
  if (response.status !== 200) throw new Error(`GET deck answered ${response.status}`);
  return ((await response.json()) as { deck: Deck }).deck;
}

describe('a crash loses no playback', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sitrep-crash-'));
  const eventsDir = makeEventsDir([STORY_FOLDER]);
  const env = { SITREP_EVENTS_DIR: eventsDir.dir, SITREP_DATA_DIR: dataDir, ...ENV_RATES };
  const clients: ReplayClient[] = [];
  let first: ServerProcess | undefined;
  let second: ServerProcess | undefined;

  afterAll(async () => {
    for (const client of clients) client.close();
    await stopServerProcess(first);
    await stopServerProcess(second);
    rmSync(dataDir, { recursive: true, force: true });
    eventsDir.remove();
  });

  it(
    'after SIGKILL and a restart every room stands where it stood, and a screen resyncs on its own',
    async () => {
      const port = await freePort();
      first = await startServerProcess(REPO_ROOT, port, env);
      const liveKey = /^PRESENTER KEY \(not a log line\)[^:]*: (\S+)$/m.exec(first.output.join('\n'))?.[1];
      expect(liveKey, 'the generated live key is printed at the first start').toBeDefined();
      const schedule = await fetchSchedule(first, STORY_ID);

      // A briefing room with a deck, a presentation, playing.
      const room = await createRoom(first, STORY_ID);
      const presenter = await joinRoom(first.url, { room: room.roomId, presenterKey: room.presenterKey });
      clients.push(presenter);
      const added = await fetch(`${first.url}/api/rooms/${room.roomId}/deck/moments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${room.presenterKey}` },
        body: JSON.stringify({ moment: { storyMs: schedule.startMs, eventId: null, filter: { types: [], actors: [] }, chart: 'events-per-day', note: 'Before the flood' } }),
      });
      expect(added.status).toBe(201);
      const deckBefore = await deckOf(first.url, room.roomId, room.presenterKey);
      expect(await presenter.control({ type: 'present', presentation: PRESENTED })).toMatchObject({ ok: true });
      expect(await presenter.control({ type: 'play' })).toMatchObject({ ok: true });
      expect(presenter.room?.clock.status).toBe('playing');

      // A screen on the live room that reconnects on its own, as the app's does.
      const screen = new ReplayClient(first.url, { reconnect: true });
      clients.push(screen);
      await screen.ready();
      const epochBefore = screen.room?.epoch;
      expect(screen.room?.clock.status).toBe('playing');

      await new Promise((resolve) => setTimeout(resolve, PLAY_BEFORE_KILL_MS));
      const liveClock = screen.room?.clock as ReplayClock;
      const briefingClock = presenter.room?.clock as ReplayClock;
      const killedAtMs = Date.now();
      first.child.kill('SIGKILL');
      await first.exited;

      second = await startServerProcess(REPO_ROOT, port, env);
      expect(second.output.join('\n')).toContain('The live room keeps the presenter key printed at an earlier start');

      // The live room plays on from where it stood; the screen came back by itself, with a clean snapshot.
      await screen.waitFor(() => screen.room !== undefined && screen.room.epoch !== epochBefore && screen.socket.connected, 'the new epoch', WAIT_MS);
      const liveAfter = screen.snapshots.at(-1);
      expect(liveAfter?.clock.status).toBe('playing');
      const liveResumedAt = (liveAfter?.clock as ReplayClock).positionMs;
      const liveLost = lostPlaybackWallMs(schedule, liveClock, killedAtMs, liveResumedAt);
      expect(liveLost, `live room: ${liveLost} ms of playback lost`).toBeGreaterThanOrEqual(0);
      expect(liveLost).toBeLessThanOrEqual(MAX_LOST_PLAYBACK_WALL_MS);
      expect(screen.connections).toBe(2);
      // What the screen folded is what a fresh client of the restarted room starts from.
      const freshLive = await joinRoom(second.url);
      clients.push(freshLive);
      expect({ epoch: screen.room?.epoch, clock: screen.room?.clock, released: screen.room?.released, presentation: screen.room?.presentation }).toEqual({
        epoch: freshLive.room?.epoch,
        clock: freshLive.room?.clock,
        released: freshLive.room?.released,
        presentation: freshLive.room?.presentation,
      });
      const livePresenter = await joinRoom(second.url, { presenterKey: liveKey });
      clients.push(livePresenter);
      expect(await livePresenter.control({ type: 'present', presentation: PRESENTED }), 'the generated live key still holds').toMatchObject({ ok: true });

      // The briefing room: paused where it stood, same deck, presentation and presenter key.
      const back = await joinRoom(second.url, { room: room.roomId, presenterKey: room.presenterKey });
      clients.push(back);
      const briefingAfter = back.snapshots[0];
      expect(briefingAfter?.clock.status).toBe('paused');
      const briefingLost = lostPlaybackWallMs(schedule, briefingClock, killedAtMs, (briefingAfter?.clock as ReplayClock).positionMs);
      expect(briefingLost, `briefing room: ${briefingLost} ms of playback lost`).toBeGreaterThanOrEqual(0);
      expect(briefingLost).toBeLessThanOrEqual(MAX_LOST_PLAYBACK_WALL_MS);
      expect(briefingAfter?.presentation).toEqual(PRESENTED);
      expect(await deckOf(second.url, room.roomId, room.presenterKey)).toEqual(deckBefore);
      expect(await back.control({ type: 'play' }), 'the old presenter key is accepted').toMatchObject({ ok: true });
    },
    TEST_TIMEOUT_MS,
  );
});
