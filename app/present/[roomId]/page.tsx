import type { Metadata } from 'next';
import { PresenterPage } from '../PresenterPage';

export const metadata: Metadata = { title: 'Presenter · Sitrep', robots: { index: false } };

export default async function PresentPage({ params }: { params: Promise<{ roomId: string }> }) {
  const { roomId } = await params;
  return <PresenterPage roomId={roomId} />;
}
