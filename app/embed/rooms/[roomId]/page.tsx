import type { Metadata } from 'next';
import { WatchPage } from '../../../watch/WatchPage';

export const metadata: Metadata = { title: 'Sitrep live view' };

/**
 * The audience view made to be framed by other sites (the origins of SITREP_EMBED_ORIGINS, see proxy.ts): the
 * same screen as /watch, without presenter controls. It never takes a presenter key, not even one in its URL.
 */
export default async function EmbedRoute({ params }: { params: Promise<{ roomId: string }> }) {
  const { roomId } = await params;
  return <WatchPage roomId={roomId} />;
}
