import type { Metadata } from 'next';
import { StudioEditorPage } from '../StudioEditorPage';

export const metadata: Metadata = { title: 'Edit a story · Story studio · Sitrep' };

export default async function StudioStory({ params }: { params: Promise<{ storyId: string }> }) {
  const { storyId } = await params;
  return <StudioEditorPage storyId={storyId} />;
}
