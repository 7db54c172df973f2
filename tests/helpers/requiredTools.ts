/**
 * For tests that need a program of the machine (haproxy, redis-server): why they must skip, or undefined when they
 * can run. Outside CI a missing program skips them with a message saying how to get it; in CI (which installs them
 * all, see .ci/run) it fails the run instead, so they never skip there unnoticed.
 */
export function missingTools(tools: readonly { name: string; found: boolean; howToGet: string }[]): string | undefined {
  const missing = tools.filter((tool) => !tool.found);
  if (missing.length === 0) return undefined;
  const message = missing.map((tool) => `${tool.name} is not installed: ${tool.howToGet}`).join('; ');
  if (process.env.CI) throw new Error(`In CI every tool must be installed: ${message}`);
  console.warn(`Skipped: ${message}`);
  return message;
}
