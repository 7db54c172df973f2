import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHaproxyConfig } from '@/lib/cluster/haproxyConfig';
import { HAPROXY_PRODUCTION_EXAMPLE, HAPROXY_PRODUCTION_EXAMPLE_FILE } from '@/lib/cluster/haproxyProductionExample';
import { REPO_ROOT } from '../../helpers/repoRoot';

describe(HAPROXY_PRODUCTION_EXAMPLE_FILE, () => {
  it('is exactly what the renderer makes of the documented example (change both together)', () => {
    const file = readFileSync(path.join(REPO_ROOT, HAPROXY_PRODUCTION_EXAMPLE_FILE), 'utf8');
    expect(file).toBe(renderHaproxyConfig(HAPROXY_PRODUCTION_EXAMPLE));
  });

  it('has the three nodes of deploy/README.md', () => {
    expect(HAPROXY_PRODUCTION_EXAMPLE.nodes.map((node) => node.name)).toEqual(['node1', 'node2', 'node3']);
  });
});
