export interface TrustProxy {
  hops: number;
  addresses: Set<string>;
}
export function parseTrustProxy(value: string | undefined): TrustProxy;
export function clientAddress(input: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined; trust: TrustProxy }): string;
