/** The levels of the server's JSON log (pino's labels), least severe first. */
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
type Level = (typeof LEVELS)[number];

export interface NodeLogLine {
  /** The entry's level; undefined for a line that is not a log entry (the presenter-key line, a crash trace). */
  level: Level | undefined;
  text: string;
}

/** A node's output line as a terminal shows it: the message of a JSON log entry, any other line as it is. */
export function readNodeLogLine(line: string): NodeLogLine {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return { level: undefined, text: line };
  }
  if (typeof entry !== 'object' || entry === null || !('msg' in entry)) return { level: undefined, text: line };
  const { level, msg } = entry as { level?: unknown; msg?: unknown };
  const known = LEVELS.find((name) => name === level);
  return { level: known, text: known === undefined ? String(msg) : `${known.toUpperCase()} ${String(msg)}` };
}

/** Next.js's progress lines (`✓ Running next.config.js took 44ms`): not log entries, and nothing to act on. */
const NEXT_PROGRESS_LINE = /^\s*[✓▲○]/;

/** Whether a terminal that shows only what needs attention shows the line: warnings, errors, and unexpected output. */
export function needsAttention(line: NodeLogLine): boolean {
  if (line.level === undefined) return !NEXT_PROGRESS_LINE.test(line.text) && line.text.trim() !== '';
  return LEVELS.indexOf(line.level) >= LEVELS.indexOf('warn');
}
