import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { chartFigure, openWatch } from './support/audience';
import { PresenterSocket } from './support/presenterSocket';
import { createRoom } from './support/rooms';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk (bytes 16 to 24). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('a viewer saves the presented chart as a PNG named after it', async ({ browser, request, baseURL }, testInfo) => {
  const room = await createRoom(request);
  const presenter = await PresenterSocket.connect(baseURL ?? '', room);
  await presenter.seek(Date.UTC(2025, 3, 26));
  await presenter.present({ chart: 'reported-deaths' });
  const viewer = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await openWatch(viewer, room.roomId);

  const figure = chartFigure(viewer, 'reported-deaths');
  await expect(figure).toHaveAttribute('data-state', 'ready');
  const title = (await figure.locator('.chart-title').textContent()) ?? '';
  const save = viewer.getByRole('button', { name: `Save ${title} as PNG` });
  await save.focus();
  const [download] = await Promise.all([viewer.waitForEvent('download'), viewer.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('reported-deaths.png');
  const png = await readFile(await download.path());
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const box = await figure.locator('.chart-plot').boundingBox();
  const { width, height } = pngSize(png);
  // Drawn at twice the size of the plot, with a margin and the title above it.
  expect(width).toBeGreaterThan(2 * (box?.width ?? 0));
  expect(height).toBeGreaterThan(2 * (box?.height ?? 0));
  await download.saveAs(testInfo.outputPath('reported-deaths.png'));
  presenter.close();
});
