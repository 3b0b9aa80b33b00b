// The address of the client of an HTTP request, believing X-Forwarded-For only as far as the
// configured proxies (TRUST_PROXY) say. Plain JS: used by scripts/serve.mjs without a loader.

/**
 * Parses TRUST_PROXY: a hop count ("1": one proxy in front), or the proxies' addresses
 * ("10.0.0.2, 10.0.0.3"); unset or empty: no proxy is trusted.
 * @param {string | undefined} value
 * @returns {{ hops: number, addresses: Set<string> }}
 */
export function parseTrustProxy(value) {
  const v = (value ?? "").trim();
  if (!v) return { hops: 0, addresses: new Set() };
  if (/^\d+$/.test(v)) return { hops: Number(v), addresses: new Set() };
  return { hops: 0, addresses: new Set(v.split(",").map((a) => plain(a.trim())).filter(Boolean)) };
}

/** "::ffff:127.0.0.1" → "127.0.0.1". */
function plain(address) {
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}

/**
 * @param {{ socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: { hops: number, addresses: Set<string> } }} input
 * @returns {string}
 */
export function clientAddress({ socketAddress, forwardedFor, trust }) {
  const socket = plain(socketAddress ?? "") || "unknown";
  if (trust.hops === 0 && trust.addresses.size === 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  // the chain as the last proxy saw it: client, proxy 1, …, then the socket's peer
  const chain = [...header.split(",").map((a) => plain(a.trim())).filter(Boolean), socket];
  if (trust.hops > 0) return chain[Math.max(0, chain.length - 1 - trust.hops)];
  let i = chain.length - 1;
  while (i > 0 && trust.addresses.has(chain[i])) i--;
  return chain[i];
}
