import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may never reach on AWS: private, loopback, link-local (the instance metadata service among
 * them), shared, multicast, reserved and documentation ranges, and the IPv6 forms that carry an IPv4 address (mapped,
 * NAT64, 6to4), which could smuggle one of the others past an IPv4-only check.
 */
const notPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  notPublic.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address is one a webhook may be sent to: a public unicast address. */
export const isPublicAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 4) return !notPublic.check(address, 'ipv4');
  // IPv4-mapped (::ffff:0:0/96): a BlockList rule for it would match every IPv4 address too, so it is read here,
  // from the address as the URL parser writes it (compressed, lower case).
  if (new URL(`http://[${address}]/`).hostname.startsWith('[::ffff:')) return false;
  return !notPublic.check(address, 'ipv6');
};
