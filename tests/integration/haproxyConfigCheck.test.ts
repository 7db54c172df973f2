import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHaproxyConfig } from '@/lib/cluster/haproxyConfig';
import { HAPROXY_PRODUCTION_EXAMPLE } from '@/lib/cluster/haproxyProductionExample';
import { checkHaproxyConfig, findHaproxyBin, HOW_TO_GET_HAPROXY } from '@/scripts/lib/localServices/haproxyServer';
import { REPO_ROOT } from '../helpers/repoRoot';
import { missingTools } from '../helpers/requiredTools';

/** A self-signed certificate for localhost, made for this test only: HAProxy checks that the PEM file is real. */
const TEST_CERTIFICATE = path.join(REPO_ROOT, 'tests/fixtures/tls/test-only-localhost.pem');
const missing = missingTools([{ name: 'haproxy', found: findHaproxyBin() !== undefined, howToGet: HOW_TO_GET_HAPROXY }]);

describe.skipIf(missing !== undefined)('HAProxy accepts the rendered configuration (haproxy -c)', () => {
  it('of a local cluster', async () => {
    const config = renderHaproxyConfig({
      frontendPort: 3000,
      bindAddress: '127.0.0.1',
      nodes: [1, 2, 3].map((n) => ({ name: `node${n}`, host: '127.0.0.1', port: 3000 + n })),
      healthCheck: { intervalMs: 1_000, fall: 2, rise: 1, timeoutMs: 1_000 },
      maxConnections: 1_000,
    });
    const result = await checkHaproxyConfig(config);
    expect(result.output).toMatch(/Configuration file is valid/);
    expect(result.valid).toBe(true);
  });

  it('of the production example (deploy/haproxy.cfg), with a test certificate in place of the real one', async () => {
    const config = renderHaproxyConfig({ ...HAPROXY_PRODUCTION_EXAMPLE, tls: { ...HAPROXY_PRODUCTION_EXAMPLE.tls!, certificatePath: TEST_CERTIFICATE } });
    const result = await checkHaproxyConfig(config);
    expect(result.output).toMatch(/Configuration file is valid/);
    expect(result.valid).toBe(true);
  });

  it('and refuses a broken one (the check can fail)', async () => {
    const result = await checkHaproxyConfig(`${renderHaproxyConfig({ ...HAPROXY_PRODUCTION_EXAMPLE, tls: undefined })}    no-such-keyword 1\n`);
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(/no-such-keyword/);
  });
});
