/** @type {import('next').NextConfig} */

// pages get a Content-Security-Policy with a nonce per request (proxy.ts); the API's JSON
// never needs to load or run anything
const apiCsp = "default-src 'none'; frame-ancestors 'none'";

const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // native and heavy server-only packages stay outside the bundle
  serverExternalPackages: ["hnswlib-node", "onnxruntime-node", "@huggingface/transformers", "sharp"],
  async headers() {
    return [
      {
        source: "/:path(api|v1)/:rest*",
        headers: [{ key: "Content-Security-Policy", value: apiCsp }],
      },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
