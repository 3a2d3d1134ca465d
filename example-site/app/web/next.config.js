const { withSentryConfig } = require("@sentry/nextjs");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  images: {
    remotePatterns: [
      { protocol: "https", hostname: "*.supabase.co", pathname: "/storage/v1/object/public/**" },
      { protocol: "https", hostname: "lh3.googleusercontent.com" },
    ],
  },
  experimental: {
    serverComponentsExternalPackages: ["@prisma/client", "ioredis"],
  },
};

module.exports = withSentryConfig(
  nextConfig,
  {
    org: "coursely",
    project: "coursely-web",
    silent: true,
  },
  { hideSourceMaps: true, widenClientFileUpload: true },
);
