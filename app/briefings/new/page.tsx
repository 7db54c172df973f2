import type { Metadata } from 'next';
import { NewBriefingPage } from '../NewBriefingPage';

export const metadata: Metadata = { title: 'New briefing · Sitrep' };

export default function NewBriefing() {
  return <NewBriefingPage />;
}
