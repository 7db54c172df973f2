/** The presenter link carries the key in its fragment (`#key=`), which browsers never send to a server. */
export function presenterLink(origin: string, roomId: string, presenterKey: string): string {
  return `${origin}/present/${encodeURIComponent(roomId)}#key=${encodeURIComponent(presenterKey)}`;
}

/** The audience link: the room only, never the key. */
export function audienceLink(origin: string, roomId: string): string {
  return `${origin}/watch/${encodeURIComponent(roomId)}`;
}
