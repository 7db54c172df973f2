import { DashboardPage } from '../../dashboard/DashboardPage';

export default async function RoomPage({ params }: { params: Promise<{ roomId: string }> }) {
  const { roomId } = await params;
  return <DashboardPage roomId={roomId} />;
}
