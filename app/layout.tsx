import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
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

/**
 * Every page is rendered per request: the Content-Security-Policy set by proxy.ts carries a fresh nonce, and
 * Next.js can put it on its scripts only while rendering (a page built ahead of time would carry none).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
