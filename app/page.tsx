import { DashboardPage } from './dashboard/DashboardPage';
import { LIVE_ROOM_ID } from '@/lib/realtime/protocolVersion';

export default function Home() {
  return <DashboardPage roomId={LIVE_ROOM_ID} />;
}
