import type { Story } from '../../events/checkStory';
import type { ReplayMessage } from '../../replay/replayMessages';
import type { ReplaySettings } from '../../replay/replayPlayer';
import type { ReplayRoom } from './replayRoom';
import type { ServedRoom } from './servedRoom';

/** A room to serve on this node: what the store and the catalog say about it, and how it plays when it starts here. */
export interface RoomSpec {
  id: string;
  scenarioId: string;
  story: Story;
  storyVersion: string;
  keyDigest: Buffer;
  settings: ReplaySettings;
}

/** How the clock of an owned room starts: the settings it plays by, its log's epoch and first seq. */
export interface OwnedRoomStart {
  settings: ReplaySettings;
  /** Undefined: a new epoch (a single node makes one; a cluster owner learns it from its first append). */
  epoch?: string;
  firstSeq?: number;
  /** Where its messages go instead of straight to the room's sockets (a cluster owner logs them first). */
  publish?: (room: ReplayRoom, message: ReplayMessage) => void;
}

/**
 * Where rooms run. On one node every room runs its clock here; in a cluster a room runs on the node holding its
 * lease and is followed elsewhere (lib/realtime/server/cluster/). The registry asks the hosting for each room it opens
 * and is told, through `replace`, when a room changes hands.
 */
export interface RoomHosting {
  /** Serves the room: the ReplayRoom `own` builds when the clock is to run here, or a follower of another node. */
  host(spec: RoomSpec, own: (start: OwnedRoomStart) => ReplayRoom): Promise<ServedRoom>;
  /** The room is closed on this node (idle, or the server stops): give up its clock if it ran here. */
  closed(roomId: string): Promise<void>;
  /** Stops what the hosting runs in the background. */
  dispose(): Promise<void>;
}
