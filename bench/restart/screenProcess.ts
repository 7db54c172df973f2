/** Child process: `count` screens (restartScreens.ts) in one room, reporting when they come back after a restart. */
import { z } from 'zod';
import { sendToParent, serveParent } from '../core/parentLink';
import { backCommandSchema, openCommandSchema, type BackReply } from './restartMessages';
import { ScreenFleet } from './restartScreens';

let fleet: ScreenFleet | undefined;

const commandSchema = z.union([openCommandSchema, backCommandSchema, z.object({ type: z.literal('close') })]);

serveParent(commandSchema, async (command) => {
  switch (command.type) {
    case 'open': {
      fleet = await ScreenFleet.open(command);
      sendToParent({ type: 'opened', count: fleet.count, epoch: fleet.standings()[0]?.epoch ?? '' });
      return;
    }
    case 'back': {
      if (!fleet) throw new Error('no screens open');
      let error: string | null = null;
      await fleet.allBack(command.epochBefore, command.timeoutMs).catch((failure: unknown) => {
        error = failure instanceof Error ? failure.message : String(failure);
      });
      const reply: BackReply = {
        type: 'back',
        noticed: fleet.noticed,
        backAtMs: Float64Array.from(fleet.backAtMs),
        syncedAtMs: Float64Array.from(fleet.syncedAtMs),
        standings: fleet.standings().map((standing) => standing ?? null),
        error,
      };
      sendToParent(reply);
      return;
    }
    case 'close':
      fleet?.close();
      process.exit(0);
  }
});
