// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (server.ts) owns the HTTP listener; Next only renders pages and API routes.
  typescript: { ignoreBuildErrors: false },
  // proxy.ts gives pages and API answers all their security headers; the static files it does not see get nosniff here.
  async headers() {
    return [{ source: '/_next/static/:path*', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }] }];
  },
};

export default nextConfig;
