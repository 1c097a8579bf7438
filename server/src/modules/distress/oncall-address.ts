import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';

/**
 * [OC4] Where an on-call webhook may point. A group's facilitator types the URL, so it must not become a
 * way to make the server call inward (loopback, the private network, link-local cloud metadata):
 * - https only; plain http only to a host the operator listed in ONCALL_WEBHOOK_ALLOW_HOSTS (development);
 * - at send time every address the name resolves to must be public unicast, checked inside the
 *   connection's own lookup so a name cannot resolve one way for the check and another for the request
 *   (DNS rebinding); listed hosts skip this, which is what lets tests and a local receiver work;
 * - redirects are not followed (oncall-webhook.ts), so a public URL cannot bounce the report inward.
 */
export function webhookUrlRefusal(raw: string, allowHosts: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The on-call webhook must be a full URL, like https://example.org/hook.';
  }
  if (url.username || url.password) return 'The on-call webhook URL must not contain a user name or password; use the secret instead.';
  const allowed = isAllowedHost(url, allowHosts);
  // An address written as digits never passes through the connection's lookup, so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowed && ipaddr.isValid(literal) && !isPublicAddress(literal)) {
    return 'The on-call webhook must be on the public internet, not a local or private address.';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && allowed) return undefined;
  return 'The on-call webhook must use https.';
}

export function isAllowedHost(url: URL, allowHosts: readonly string[]): boolean {
  return allowHosts.includes(url.host.toLowerCase()) || allowHosts.includes(url.hostname.toLowerCase());
}

/** Whether an address is somewhere on the public internet (not loopback, private, link-local, unique-local…). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for the connection that refuses any name resolving to a non-public address. */
export function publicOnlyLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused || addresses.length === 0) {
      const error = Object.assign(new Error('on-call webhook address is not public'), { code: 'EADDRNOTPUBLIC' });
      return callback(error, []);
    }
    const all = (options as { all?: boolean }).all === true;
    if (all) return callback(null, addresses);
    const first = addresses[0] as LookupAddress;
    return callback(null, first.address, first.family);
  });
}
