import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Providers } from './Providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'Sitrep',
  description: 'A news story replayed as a live situation dashboard.',
};

export const viewport: Viewport = {
  colorScheme: 'dark light',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
