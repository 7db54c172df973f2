import { describe, expect, it } from 'vitest';
import { needsAttention, readNodeLogLine } from '@/scripts/lib/cluster/nodeLogLine';

describe('readNodeLogLine and needsAttention', () => {
  it.each([
    ['{"level":"info","msg":"Sitrep ready on http://127.0.0.1:1"}', 'INFO Sitrep ready on http://127.0.0.1:1', false],
    ['{"level":"warn","msg":"Socket connection refused: Forbidden"}', 'WARN Socket connection refused: Forbidden', true],
    ['{"level":"fatal","msg":"cannot start"}', 'FATAL cannot start', true],
    ['{"level":"odd","msg":"unknown level"}', 'unknown level', true],
    ['{"no":"msg"}', '{"no":"msg"}', true],
    ['TypeError: x is not a function', 'TypeError: x is not a function', true],
    [' ✓ Running next.config.js took 44ms', ' ✓ Running next.config.js took 44ms', false],
    ['', '', false],
  ])('%s → %s (shown: %s)', (raw, text, shown) => {
    const line = readNodeLogLine(raw);
    expect(line.text).toBe(text);
    expect(needsAttention(line)).toBe(shown);
  });
});
