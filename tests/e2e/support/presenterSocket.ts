import { expect } from '@playwright/test';
import { INITIAL_PRESENTATION, type Presentation } from '@/lib/replay/presentation';
import { joinRoom, type ReplayClient } from '../../helpers/replayClient';
import type { CreatedRoom } from './rooms';

/**
 * A presenter driving a room from the test process over a real Socket.IO connection (the presenter's screens are
 * someone else's; the protocol is what audience screens depend on).
 */
export class PresenterSocket {
  private constructor(private readonly client: ReplayClient) {}

  static async connect(baseURL: string, room: CreatedRoom): Promise<PresenterSocket> {
    return new PresenterSocket(await joinRoom(baseURL, { room: room.roomId, presenterKey: room.presenterKey }));
  }

  get presentation(): Presentation {
    return this.client.state?.presentation ?? INITIAL_PRESENTATION;
  }

  /** Moves the room's playhead (the room is paused, so it stays there). */
  async seek(storyMs: number): Promise<void> {
    const ack = await this.client.control({ type: 'seek', to: new Date(storyMs).toISOString() });
    expect(ack).toMatchObject({ ok: true });
  }

  /** Shows a new presentation: the given fields over the current one. */
  async present(change: Partial<Presentation>): Promise<void> {
    const ack = await this.client.control({ type: 'present', presentation: { ...this.presentation, ...change } });
    expect(ack).toMatchObject({ ok: true });
    await this.client.waitForSeq(ack.ok ? ack.seq : Number.POSITIVE_INFINITY);
  }

  close(): void {
    this.client.close();
  }
}
