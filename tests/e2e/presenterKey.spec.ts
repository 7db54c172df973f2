import { expect, test, type Page } from '@playwright/test';
import { openWatch, watchRoot } from './support/audience';
import { PresenterSocket } from './support/presenterSocket';
import { createRoom, openDashboard } from './support/rooms';

/** Everything an audience page received or sent: its HTML, its requests (URLs and headers) and its socket frames. */
function recordTraffic(page: Page): { requests: string[]; frames: string[] } {
  const traffic = { requests: [] as string[], frames: [] as string[] };
  page.on('request', (request) => traffic.requests.push(`${request.url()} ${JSON.stringify(request.headers())} ${request.postData() ?? ''}`));
  page.on('websocket', (socket) => {
    traffic.requests.push(socket.url());
    socket.on('framesent', (frame) => traffic.frames.push(String(frame.payload)));
    socket.on('framereceived', (frame) => traffic.frames.push(String(frame.payload)));
  });
  return traffic;
}

test('the presenter key never reaches an audience page: not in its HTML, its requests or its socket messages', async ({ browser, request, baseURL }) => {
  const room = await createRoom(request);
  // The presenter is active in the same room, from a dashboard and a socket.
  const presenterPage = await (await browser.newContext()).newPage();
  await openDashboard(presenterPage, room.roomId, room.presenterKey);
  const presenter = await PresenterSocket.connect(baseURL ?? '', room);

  const audience = await (await browser.newContext()).newPage();
  const traffic = recordTraffic(audience);
  await openWatch(audience, room.roomId);
  await presenter.seek(Date.UTC(2025, 3, 21));
  await presenter.present({ eventId: 'putin-admits-civilian-targets', chart: 'strikes-vs-diplomacy' });
  await expect(watchRoot(audience)).toHaveAttribute('data-current-event', 'putin-admits-civilian-targets');
  await presenterPage.getByTestId('play-pause').click();
  await expect.poll(() => traffic.frames.some((frame) => frame.includes('replay:clock'))).toBe(true);

  expect(traffic.frames.length).toBeGreaterThan(3);
  expect(traffic.frames.some((frame) => frame.includes('replay:presentation'))).toBe(true);
  expect(traffic.requests.length).toBeGreaterThan(3);
  expect(await audience.content()).not.toContain(room.presenterKey);
  expect(traffic.requests.filter((line) => line.includes(room.presenterKey))).toEqual([]);
  expect(traffic.frames.filter((frame) => frame.includes(room.presenterKey))).toEqual([]);
  presenter.close();
});

for (const screen of ['/watch', '/embed/rooms']) {
  test(`an audience page (${screen}/…) ignores a presenter key pasted into its URL: the socket never carries it`, async ({ browser, request }) => {
    const room = await createRoom(request);
    const audience = await (await browser.newContext()).newPage();
    const traffic = recordTraffic(audience);
    await audience.goto(`${screen}/${room.roomId}#key=${room.presenterKey}`);
    await expect(watchRoot(audience)).toHaveAttribute('data-state', 'ready');
    await expect(watchRoot(audience)).toHaveAttribute('data-following', 'true');
    expect(traffic.frames.some((frame) => frame.includes('"room"'))).toBe(true);
    expect(traffic.frames.filter((frame) => frame.includes(room.presenterKey))).toEqual([]);
    expect(traffic.requests.filter((line) => line.includes(room.presenterKey))).toEqual([]);
    // No presenter controls either, nor the deck editor.
    await expect(audience.getByTestId('play-pause')).toHaveCount(0);
    await expect(audience.getByRole('button', { name: 'Mark this moment' })).toHaveCount(0);
  });
}
