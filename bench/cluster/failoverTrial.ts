/**
 * One failover trial on a running cluster: a new room made on `owner` (so `owner` runs its clock), observers on the
 * other nodes, the room playing; SIGKILL to the owner; the time until another node takes the room over (its log
 * line) and until the first release from it reaches an observer. The killed node is started again afterwards.
 */
import type { ClusterNode } from '@/scripts/lib/cluster/clusterNode';
import { joinAsPresenter, openPresentedRoom, pause } from '../fanout/presenter';
import { playPresentedRoom, type StoryUnderTest } from '../fanout/streamServers';
import { FailoverObservers } from './failoverObservers';
import { trialTimes, type TrialTimes } from './failoverSummary';
import type { Takeover } from './takeoverLog';

const OBSERVERS_PER_SURVIVOR = 2;
/** Releases every observer has seen before the kill: the room is well into its replay. */
const RELEASES_BEFORE_KILL = 10;
const PLAYING_TIMEOUT_MS = 30_000;
/** Far beyond the 5 s promise: a trial that takes longer reports no figure rather than waiting forever. */
const FAILOVER_TIMEOUT_MS = 30_000;

export interface TrialResult extends TrialTimes {
  owner: string;
  /** The node that took the room over, or null when none did in time. */
  newOwner: string | null;
  /** Whether the room, paused afterwards through a surviving node, answered the presenter. */
  pausedAfterwards: boolean;
}

/** Takeovers logged by the nodes, as the cluster's line listener collects them. */
export interface TakeoverRecord extends Takeover {
  node: string;
}

export async function runFailoverTrial(
  nodes: readonly ClusterNode[],
  owner: ClusterNode,
  story: StoryUnderTest,
  takeovers: readonly TakeoverRecord[],
): Promise<TrialResult> {
  const survivors = nodes.filter((node) => node !== owner);
  const room = await openPresentedRoom(owner.url, story.scenarioId, story.storySecondsPerSecond);
  let observers: FailoverObservers | undefined;
  try {
    observers = await FailoverObservers.open(
      survivors.flatMap((node) => Array.from({ length: OBSERVERS_PER_SURVIVOR }, () => node.url)),
      room.roomId,
    );
    const seen = observers;
    const { firstEventSeq } = await playPresentedRoom(story, room);
    await seen.until(() => seen.maxSeq >= firstEventSeq + RELEASES_BEFORE_KILL, `past ${RELEASES_BEFORE_KILL} releases`, PLAYING_TIMEOUT_MS);

    const lastSeqBeforeKill = seen.maxSeq;
    const killedAtMs = Date.now();
    await owner.kill('SIGKILL');
    const takeover = () => takeovers.find((t) => t.roomId === room.roomId && t.continued && t.node !== owner.name && t.atMs >= killedAtMs);
    const observation = () => ({ killedAtMs, lastSeqBeforeKill, takeoverLoggedAtMs: takeover()?.atMs, arrivals: seen.arrivals });
    await seen.until(() => trialTimes(observation()).firstReleaseMs !== null, 'a release from a new owner', FAILOVER_TIMEOUT_MS).catch(() => undefined);
    const times = trialTimes(observation());

    const survivor = survivors[0];
    const pausedAfterwards = survivor !== undefined && (await pauseThrough(survivor.url, room.roomId, room.presenterKey));
    return { owner: owner.name, newOwner: takeover()?.node ?? null, pausedAfterwards, ...times };
  } finally {
    observers?.close();
    room.socket.disconnect();
    if (!owner.running) await owner.start();
  }
}

/** The presenter, back on another node, pauses the room, so that it stops playing once the trial is over. */
async function pauseThrough(url: string, roomId: string, presenterKey: string): Promise<boolean> {
  try {
    const presenter = await joinAsPresenter(url, roomId, presenterKey);
    try {
      await pause(presenter);
      return true;
    } finally {
      presenter.socket.disconnect();
    }
  } catch {
    return false;
  }
}
