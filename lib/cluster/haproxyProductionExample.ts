import { DEFAULT_HEALTH_CHECK, type HaproxyConfigInput } from './haproxyConfig';

/** Where deploy/haproxy.cfg lives; a unit test keeps it equal to renderHaproxyConfig(HAPROXY_PRODUCTION_EXAMPLE). */
export const HAPROXY_PRODUCTION_EXAMPLE_FILE = 'deploy/haproxy.cfg';

/**
 * The production example of deploy/README.md: three nodes on a private network, TLS terminated at HAProxy, plain
 * HTTP redirected to https, Debian's haproxy package (its user, chroot, syslog socket and runtime-API socket).
 */
export const HAPROXY_PRODUCTION_EXAMPLE: HaproxyConfigInput = {
  comment: [
    'Sitrep behind HAProxy: the production example of deploy/README.md (three nodes, TLS here).',
    'Rendered by renderHaproxyConfig (lib/cluster/haproxyConfig.ts) from HAPROXY_PRODUCTION_EXAMPLE',
    '(lib/cluster/haproxyProductionExample.ts); a unit test keeps the two equal, so change both together.',
    'Adapt the node addresses and the certificate path, then: haproxy -c -f /etc/haproxy/haproxy.cfg',
  ],
  frontendPort: 443,
  bindAddress: '0.0.0.0',
  tls: { certificatePath: '/etc/haproxy/certs/sitrep.pem', httpRedirectPort: 80 },
  nodes: [
    { name: 'node1', host: '10.0.0.11', port: 3000 },
    { name: 'node2', host: '10.0.0.12', port: 3000 },
    { name: 'node3', host: '10.0.0.13', port: 3000 },
  ],
  healthCheck: DEFAULT_HEALTH_CHECK,
  retries: 2,
  maxConnections: 20_000,
  runAs: { user: 'haproxy', group: 'haproxy', chroot: '/var/lib/haproxy' },
  statsSocketPath: '/run/haproxy/admin.sock',
  logTarget: '/dev/log local0',
};
