import type { Metadata } from 'next';
import { StudioEditorPage } from '../StudioEditorPage';

export const metadata: Metadata = { title: 'New story · Story studio · Sitrep' };

export default function NewStudioStory() {
  return <StudioEditorPage />;
}
