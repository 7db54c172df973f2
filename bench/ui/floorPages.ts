/**
 * The floors of the dashboard's figures under protocol 2, measured in the same browser on the same server:
 * - loading the story: a blank page of the server's origin fetches `GET /api/scenarios/:id` and parses it
 *   (`response.text()` then `JSON.parse`, timed apart), to the next animation frame. No screen can show a story
 *   before it has it.
 * - a seek: a bare client in a blank page of the server's origin (a raw WebSocket speaking Engine.IO 4 and
 *   Socket.IO 4 by hand, no library), joined to the same room as a viewer, decodes each `replay:jump` frame, writes
 *   its `released` count into the page, and takes the next animation frame. The same seeks as the dashboard's, on
 *   their own (the dashboard is closed), so that the floor does not share the cores with it.
 */
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { PROTOCOL_VERSION } from '@/lib/realtime/protocolVersion';
import { settle } from './dashboardPage';

/** Any light page of the server's origin: the socket handshake only accepts the app's own origin. */
const BLANK_SAME_ORIGIN_PATH = '/api/health';
const JOIN_TIMEOUT_MS = 30_000;

const storyFetchSchema = z.object({ loadedMs: z.number(), parseMs: z.number(), bodyBytes: z.number(), transferBytes: z.number() });
export type StoryFetchFloor = z.infer<typeof storyFetchSchema>;

/** Fetches and parses the story in a blank page of the server's origin: request start to the frame after the parse. */
export async function storyFetchFloor(page: Page, url: string, scenarioId: string): Promise<StoryFetchFloor> {
  await page.goto(`${url}${BLANK_SAME_ORIGIN_PATH}`);
  const measured = await page.evaluate(`(async () => {
    const started = performance.now();
    const path = '/api/scenarios/' + encodeURIComponent(${JSON.stringify(scenarioId)});
    const response = await fetch(path);
    const text = await response.text();
    const parseStarted = performance.now();
    const story = JSON.parse(text);
    const parseMs = performance.now() - parseStarted;
    document.body.textContent = story.events.length + ' events';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const loadedMs = performance.now() - started;
    const entry = performance.getEntriesByName(location.origin + path)[0];
    return { loadedMs, parseMs, bodyBytes: entry ? entry.decodedBodySize : 0, transferBytes: entry ? entry.transferSize : 0 };
  })()`);
  return storyFetchSchema.parse(measured);
}

const BARE_CLIENT_SCRIPT = String.raw`
(({ room, protocol }) => {
  const client = { joined: false, jumps: [], released: null };
  const shown = document.createElement('output');
  document.body.replaceChildren(shown);
  const socket = new WebSocket(location.origin.replace(/^http/, 'ws') + '/socket.io/?EIO=4&transport=websocket');
  socket.addEventListener('message', (event) => {
    const data = event.data;
    if (data.startsWith('0{')) socket.send('40' + JSON.stringify({ protocol, room }));
    else if (data === '2') socket.send('3');
    else if (data.startsWith('42["replay:snapshot"')) client.joined = true;
    else if (data.startsWith('42["replay:jump"')) {
      const receivedAtMs = performance.now();
      const [, jump] = JSON.parse(data.slice(2));
      shown.textContent = String(jump.released);
      client.released = jump.released;
      requestAnimationFrame(() => client.jumps.push({ released: jump.released, frameMs: performance.now() - receivedAtMs }));
    }
  });
  window.__sitrepBareClient = client;
})
`;

const bareJumpSchema = z.object({ released: z.number(), frameMs: z.number() });

/** A bare client of the room: the floor of a seek on any screen. */
export class BareJumpClient {
  private constructor(private readonly page: Page) {}

  static async join(page: Page, url: string, roomId: string): Promise<BareJumpClient> {
    await page.goto(`${url}${BLANK_SAME_ORIGIN_PATH}`);
    await page.evaluate(`${BARE_CLIENT_SCRIPT}(${JSON.stringify({ room: roomId, protocol: PROTOCOL_VERSION })})`);
    await page.waitForFunction('window.__sitrepBareClient.joined', undefined, { timeout: JOIN_TIMEOUT_MS });
    return new BareJumpClient(page);
  }

  jumpCount(): Promise<number> {
    return this.page.evaluate('window.__sitrepBareClient.jumps.length').then((count) => z.number().parse(count));
  }

  /** Waits for jump number `index` (from 0) to be drawn; its frame time (received to the next frame). */
  async drawnJump(index: number, timeoutMs: number): Promise<z.infer<typeof bareJumpSchema>> {
    await this.page.waitForFunction(`window.__sitrepBareClient.jumps.length > ${index}`, undefined, { timeout: timeoutMs });
    const jump = bareJumpSchema.parse(await this.page.evaluate(`window.__sitrepBareClient.jumps[${index}]`));
    await settle(this.page);
    return jump;
  }
}
