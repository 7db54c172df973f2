import { WatchPage } from '../WatchPage';

/** The audience view of a room: it follows the presenter. Never takes a presenter key. */
export default async function WatchRoute({ params }: { params: Promise<{ roomId: string }> }) {
  const { roomId } = await params;
  return <WatchPage roomId={roomId} />;
}
