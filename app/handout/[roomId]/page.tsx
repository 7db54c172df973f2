import { HandoutPage } from '../HandoutPage';

/** A printable handout of a room's deck: one moment per page. The presenter key comes in the URL fragment. */
export default async function HandoutRoute({ params }: { params: Promise<{ roomId: string }> }) {
  const { roomId } = await params;
  return <HandoutPage roomId={roomId} />;
}
