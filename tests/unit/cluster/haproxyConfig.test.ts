import { describe, expect, it } from 'vitest';
import { haproxyDuration, renderHaproxyConfig, type HaproxyConfigInput } from '@/lib/cluster/haproxyConfig';

const twoNodes: HaproxyConfigInput = {
  frontendPort: 3000,
  bindAddress: '127.0.0.1',
  nodes: [
    { name: 'node1', host: '127.0.0.1', port: 3001 },
    { name: 'node2', host: '127.0.0.1', port: 3002 },
  ],
};

const lines = (input: HaproxyConfigInput) => renderHaproxyConfig(input).split('\n');

describe('haproxyDuration', () => {
  it.each([
    [3_600_000, '1h'],
    [7_200_000, '2h'],
    [60_000, '1m'],
    [30_000, '30s'],
    [1_000, '1s'],
    [1_500, '1500ms'],
    [250, '250ms'],
    [0, '0ms'],
  ])('%i ms is %s', (ms, text) => {
    expect(haproxyDuration(ms)).toBe(text);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %d', (ms) => {
    expect(() => haproxyDuration(ms)).toThrow(/whole milliseconds/);
  });
});

describe('renderHaproxyConfig', () => {
  it('binds the frontend and lists every node with its stickiness cookie', () => {
    const config = lines(twoNodes);
    expect(config).toContain('    bind 127.0.0.1:3000');
    expect(config).toContain('    server node1 127.0.0.1:3001 cookie node1');
    expect(config).toContain('    server node2 127.0.0.1:3002 cookie node2');
    expect(config).toContain('    cookie SITREP_NODE insert indirect nocache httponly');
    expect(config).toContain('    balance leastconn');
  });

  it('is HTTP mode with WebSocket-friendly timeouts, health checks on /api/health and redispatch', () => {
    const config = lines(twoNodes);
    for (const line of [
      '    mode http',
      '    timeout tunnel 1h',
      '    timeout client-fin 30s',
      '    option httpchk GET /api/health',
      '    http-check expect status 200',
      '    option redispatch',
      '    retries 2',
    ]) {
      expect(config).toContain(line);
    }
  });

  it.each([
    [{}, '    default-server check inter 2s fall 3 rise 2 on-marked-down shutdown-sessions', '    timeout check 2s'],
    [{ intervalMs: 1_000, fall: 2, rise: 1, timeoutMs: 500 }, '    default-server check inter 1s fall 2 rise 1 on-marked-down shutdown-sessions', '    timeout check 500ms'],
    [{ fall: 5 }, '    default-server check inter 2s fall 5 rise 2 on-marked-down shutdown-sessions', '    timeout check 2s'],
  ])('health check %j renders %s', (healthCheck, serverDefaults, checkTimeout) => {
    const config = lines({ ...twoNodes, healthCheck });
    expect(config).toContain(serverDefaults);
    expect(config).toContain(checkTimeout);
  });

  it('adds the stats socket, logging, the system user and the retries only when asked', () => {
    const plain = renderHaproxyConfig(twoNodes);
    expect(plain).not.toMatch(/stats socket|^\s*log |user |chroot/m);
    const config = lines({
      ...twoNodes,
      statsSocketPath: '/tmp/x/admin.sock',
      logTarget: '/dev/log local0',
      runAs: { user: 'haproxy', group: 'haproxy', chroot: '/var/lib/haproxy' },
      retries: 4,
      maxConnections: 500,
    });
    for (const line of [
      '    stats socket /tmp/x/admin.sock mode 600 level admin',
      '    log /dev/log local0',
      '    log global',
      '    user haproxy',
      '    chroot /var/lib/haproxy',
      '    retries 4',
      '    maxconn 500',
    ]) {
      expect(config).toContain(line);
    }
  });

  it('terminates TLS, redirects plain HTTP and marks the cookie secure', () => {
    const config = lines({ ...twoNodes, frontendPort: 443, tls: { certificatePath: '/etc/haproxy/certs/sitrep.pem', httpRedirectPort: 80 } });
    expect(config).toContain('    bind 127.0.0.1:443 ssl crt /etc/haproxy/certs/sitrep.pem alpn h2,http/1.1');
    expect(config).toContain('    bind 127.0.0.1:80');
    expect(config).toContain('    http-request redirect scheme https code 301 unless { ssl_fc }');
    expect(config).toContain('    cookie SITREP_NODE insert indirect nocache httponly secure');
  });

  it('writes the comment at the top and ends with one newline', () => {
    const config = renderHaproxyConfig({ ...twoNodes, comment: ['first', ''] });
    expect(config.startsWith('# first\n#\n\nglobal\n')).toBe(true);
    expect(config.endsWith('cookie node2\n')).toBe(true);
  });

  it.each([
    [{ nodes: [] }, /at least one node/],
    [{ nodes: [{ name: 'a b', host: 'h', port: 1 }] }, /node name "a b"/],
    [{ nodes: [{ name: 'a', host: 'h', port: 1 }, { name: 'a', host: 'h', port: 2 }] }, /used twice/],
    [{ nodes: [{ name: 'a', host: 'h h', port: 1 }] }, /host "h h"/],
    [{ nodes: [{ name: 'a', host: 'h', port: 0 }] }, /node a: a port/],
    [{ frontendPort: 70_000 }, /frontendPort/],
    [{ healthCheck: { fall: 0 } }, /healthCheck.fall/],
    [{ healthCheck: { intervalMs: 1.5 } }, /healthCheck.intervalMs/],
  ])('refuses %j', (change, message) => {
    expect(() => renderHaproxyConfig({ ...twoNodes, ...change })).toThrow(message);
  });
});
