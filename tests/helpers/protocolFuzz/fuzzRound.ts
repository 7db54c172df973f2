import { isDeepStrictEqual } from 'node:util';
import type { ReplayRoom } from '@/lib/realtime/server/replayRoom';
import type { ReplayClient } from '../replayClient';
import type { TestServer } from '../startTestServer';
import type { FuzzMessage } from './fuzzMessages';
import { checkViewerAnswer, FuzzViolation, PresenterOracle, wireView } from './fuzzOracle';
import { handshakeOutcome, RawFrameSession, sendViewerMessage } from './fuzzSenders';

/** Generous: a missing answer is a failure, a slow one on a loaded machine is not. */
export const FUZZ_ANSWER_TIMEOUT_MS = 10_000;

export interface FuzzRoundOptions {
  seed: number;
  server: TestServer;
  /** The room the fuzz sockets are in (the live room). */
  room: () => ReplayRoom;
  /** Sockets without the presenter key; viewer messages go to them in turn. */
  viewers: readonly ReplayClient[];
  /** Opens another presenter socket, when the current one has sent `controlsPerSocket` controls. */
  openPresenter: () => Promise<ReplayClient>;
  controlsPerSocket: number;
}

/** Sends the fuzz's messages in rounds and checks each against the protocol (see tests/integration/protocolFuzz.test.ts). */
export class FuzzRound {
  readonly stats = { viewerAnswered: 0, viewerUnanswered: 0, presenter: 0, presenterAccepted: 0, presenterRefused: 0, handshakes: 0, frames: 0, framesClosing: 0, framesLeaving: 0, rawConnections: 0 };
  private readonly frames: RawFrameSession;
  private readonly onTheWire: (args: readonly unknown[]) => unknown[];
  private readonly oracle: PresenterOracle;
  private presenter: ReplayClient | undefined;
  private presenterControls = 0;

  constructor(private readonly options: FuzzRoundOptions) {
    this.frames = new RawFrameSession(options.server.url, FUZZ_ANSWER_TIMEOUT_MS);
    this.onTheWire = wireView(options.server.realtime.io._parser);
    this.oracle = new PresenterOracle(this.onTheWire);
  }

  /** Messages `from` to `to` (exclusive): first those from viewers, handshakes and raw frames, together; then the presenter's, one at a time. */
  async run(messages: readonly FuzzMessage[], from: number, to: number): Promise<void> {
    const problems: { index: number; what: string }[] = [];
    const fail = (index: number, what: string) => {
      problems.push({ index, what });
    };
    const guard = (index: number, task: Promise<void>) => task.catch((error: unknown) => fail(index, `the test's side threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    const room = this.options.room();
    const before = room.snapshot();
    const epoch = room.epoch;

    const tasks: Promise<void>[] = [];
    const frameIndexes: number[] = [];
    for (let index = from; index < to; index++) {
      const message = messages[index] as FuzzMessage;
      if (message.kind === 'viewer') tasks.push(guard(index, this.viewer(message, index, fail)));
      else if (message.kind === 'handshake') tasks.push(guard(index, this.handshake(message, index, fail)));
      else if (message.kind === 'frame') frameIndexes.push(index);
    }
    tasks.push(this.frameChain(messages, frameIndexes, fail));
    await Promise.all(tasks);
    this.throwFirst(messages, problems);
    // Messages sent without a callback are handled before a later message of the same socket is answered; and no
    // message may have cost a viewer its connection.
    const synced = await Promise.all(this.options.viewers.map((viewer) => viewer.request('replay:resume', [{ lastSeq: 0 }], FUZZ_ANSWER_TIMEOUT_MS).then(() => viewer.socket.connected, () => false)));
    if (synced.includes(false)) throw new FuzzViolation(this.options.seed, to - 1, undefined, `messages #${from}-#${to - 1} cost viewer socket(s) ${synced.flatMap((ok, i) => (ok ? [] : [i])).join(', ')} their connection`);
    const after = this.options.room().snapshot();
    if (!isDeepStrictEqual(before, after) || this.options.room().epoch !== epoch) {
      throw new FuzzViolation(this.options.seed, to - 1, undefined, `messages #${from}-#${to - 1} without the presenter key changed the room: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
    }

    for (let index = from; index < to; index++) {
      const message = messages[index] as FuzzMessage;
      if (message.kind === 'presenter') await guard(index, this.presenterControl(message.payload, index, fail));
      this.throwFirst(messages, problems);
    }
  }

  close(): void {
    this.stats.rawConnections = this.frames.connectionsOpened;
    this.frames.close();
  }

  private async viewer(message: Extract<FuzzMessage, { kind: 'viewer' }>, index: number, fail: (index: number, what: string) => void): Promise<void> {
    const viewers = this.options.viewers;
    const viewer = viewers[index % viewers.length] as ReplayClient;
    const { answered, answer } = await sendViewerMessage(viewer, message.event, message.args, message.ack, FUZZ_ANSWER_TIMEOUT_MS);
    if (!message.ack) {
      this.stats.viewerUnanswered++;
      return;
    }
    this.stats.viewerAnswered++;
    if (!answered) return fail(index, `no answer: ${String(answer)}`);
    const wrong = checkViewerAnswer(this.onTheWire, message.event, message.args, answer, this.options.server.services.nowMs());
    if (wrong) fail(index, wrong);
  }

  private async handshake(message: Extract<FuzzMessage, { kind: 'handshake' }>, index: number, fail: (index: number, what: string) => void): Promise<void> {
    this.stats.handshakes++;
    const outcome = await handshakeOutcome(this.options.server.url, message.auth, FUZZ_ANSWER_TIMEOUT_MS);
    if (outcome !== message.expected) fail(index, `the handshake ended in "${outcome}", expected "${message.expected}"`);
  }

  private async frameChain(messages: readonly FuzzMessage[], indexes: readonly number[], fail: (index: number, what: string) => void): Promise<void> {
    for (const index of indexes) {
      this.stats.frames++;
      const { text, attachments } = messages[index] as Extract<FuzzMessage, { kind: 'frame' }>;
      const outcome = await this.frames.send(text, attachments);
      if (outcome === 'closed') this.stats.framesClosing++;
      else if (outcome === 'rejoined') this.stats.framesLeaving++;
      else if (outcome !== 'answered') fail(index, outcome);
    }
  }

  private async presenterControl(payload: unknown, index: number, fail: (index: number, what: string) => void): Promise<void> {
    this.stats.presenter++;
    if (!this.presenter || this.presenterControls >= this.options.controlsPerSocket) {
      this.presenter?.close();
      this.presenter = await this.options.openPresenter();
      this.presenterControls = 0;
    }
    this.presenterControls++;
    const room = this.options.room();
    const before = room.snapshot();
    let answer: unknown;
    try {
      answer = await this.presenter.rawControl(payload, FUZZ_ANSWER_TIMEOUT_MS);
    } catch (error) {
      return fail(index, `no answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    const wrong = this.oracle.check(payload, answer, before, room.snapshot());
    if (wrong) return fail(index, wrong);
    if ((answer as { ok?: unknown }).ok === true) this.stats.presenterAccepted++;
    else this.stats.presenterRefused++;
  }

  private throwFirst(messages: readonly FuzzMessage[], problems: readonly { index: number; what: string }[]): void {
    if (problems.length === 0) return;
    const first = problems.reduce((a, b) => (b.index < a.index ? b : a));
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s) in this round)` : '';
    throw new FuzzViolation(this.options.seed, first.index, messages[first.index], `${first.what}${more}`);
  }
}
