/** Query-key factory: every cache entry of the app is named here. */
export const queryKeys = {
  scenarios: () => ['scenarios'] as const,
  scenario: (id: string) => ['scenarios', id] as const,
  /** The story a room replays, at the version its snapshot names: fetched once per version. */
  storyVersion: (id: string, version: string) => ['scenarios', id, 'version', version] as const,
  /** The source text of one version of a story, which event quotes point into. */
  scenarioSource: (id: string, version: string) => ['scenarios', id, 'version', version, 'source'] as const,
  room: (roomId: string) => ['rooms', roomId] as const,
  /** Fed by the socket, never fetched: the room's replay as this client has folded it. */
  replay: (roomId: string) => ['rooms', roomId, 'replay'] as const,
  /** The room's deck (presenter only). */
  deck: (roomId: string) => ['rooms', roomId, 'deck'] as const,
  /** Fed by the socket: connection status, last message time, viewers. */
  connection: (roomId: string) => ['rooms', roomId, 'connection'] as const,
  /** Local, never fetched: one screen's viewer choices (lib/screen/viewerState), per kind of screen. */
  viewer: (roomId: string, screen: string) => ['rooms', roomId, 'viewer', screen] as const,
  /** Local, written by the page's ticker: the room's playhead, a few times a second while it plays. */
  playhead: (roomId: string) => ['rooms', roomId, 'playhead'] as const,
  /** Local: what the page says about the link it was opened with (ahead of the room). */
  linkNotice: (roomId: string) => ['rooms', roomId, 'link-notice'] as const,
};
