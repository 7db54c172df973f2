import type { Metadata } from 'next';
import { StudioListPage } from './StudioListPage';

export const metadata: Metadata = { title: 'Story studio · Sitrep' };

export default function Studio() {
  return <StudioListPage />;
}
