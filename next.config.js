// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The custom server (server.ts) owns the HTTP listener; Next only renders pages and API routes.
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
