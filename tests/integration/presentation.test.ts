import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INITIAL_PRESENTATION, type Presentation } from '@/lib/replay/presentation';
import { joinRoom, type ReplayClient } from '../helpers/replayClient';
import { createRoom, type CreatedRoom } from '../helpers/replayServer';
import { STORY_FOLDER, STORY_ID } from '../helpers/replayStory';
import { makeEventsDir, startTestServer, type TestServer } from '../helpers/startTestServer';

const SHOWN: Presentation = {
  momentId: 'moment-1',
  eventId: 'levee-gives-way',
  chart: 'reported-deaths',
  filter: { types: ['claim'], actors: [] },
  blank: false,
};

describe('presentation: what the presenter shows reaches the room', () => {
  const eventsDir = makeEventsDir([STORY_FOLDER]);
  let server: TestServer;
  let room: CreatedRoom;
  let other: CreatedRoom;
  const clients: ReplayClient[] = [];
  const open = async (options: Parameters<typeof joinRoom>[1]) => {
    const client = await joinRoom(server.url, options);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer({ eventsDir: eventsDir.dir });
    room = await createRoom(server, STORY_ID);
    other = await createRoom(server, STORY_ID);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
    eventsDir.remove();
  });

  it('a snapshot starts with the initial presentation', async () => {
    const viewer = await open({ room: room.roomId });
    expect(viewer.snapshots[0]?.presentation).toEqual(INITIAL_PRESENTATION);
  });

  it('the presenter’s presentation reaches every viewer of the room, and late joiners get it in their snapshot', async () => {
    const presenter = await open({ room: room.roomId, presenterKey: room.presenterKey });
    const viewer = await open({ room: room.roomId });
    const outsider = await open({ room: other.roomId });
    const ack = await presenter.control({ type: 'present', presentation: SHOWN });
    expect(ack).toEqual({ ok: true, seq: (viewer.seq ?? 0) + 1 });
    await viewer.waitFor(() => viewer.state?.presentation.eventId === SHOWN.eventId, 'presentation');
    expect(viewer.state?.presentation).toEqual(SHOWN);
    expect(outsider.received.some((m) => m.name === 'replay:presentation')).toBe(false);

    const late = await open({ room: room.roomId });
    expect(late.snapshots[0]?.presentation).toEqual(SHOWN);

    const again = await presenter.control({ type: 'present', presentation: SHOWN });
    expect(again).toEqual(ack);
  });

  it('a viewer cannot present, and a malformed presentation is refused', async () => {
    const viewer = await open({ room: room.roomId });
    expect(await viewer.control({ type: 'present', presentation: SHOWN })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const presenter = await open({ room: room.roomId, presenterKey: room.presenterKey });
    for (const bad of [
      { ...SHOWN, chart: 'pie' },
      { ...SHOWN, eventId: 'Not A Slug' },
      { ...SHOWN, filter: { types: ['riot'], actors: [] } },
      { ...SHOWN, blank: 'yes' },
      { ...SHOWN, extra: true },
    ]) {
      expect(await presenter.rawControl({ type: 'present', presentation: bad })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
  });
});
