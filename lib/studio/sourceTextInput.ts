import { sourceTextProblem } from './sourceTextCheck';

/** The largest source text the studio takes, in bytes of UTF-8 (the save route's body limit leaves room for events). */
export const MAX_SOURCE_TEXT_BYTES = 2 * 1024 * 1024;

export type SourceTextCheck = { ok: true; text: string } | { ok: false; message: string };

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Whether a pasted or uploaded text can be a story's source: text, as the save API checks it (sourceTextProblem: no
 * NUL byte, no replacement character left by bytes that are not UTF-8, no control character), of at most
 * MAX_SOURCE_TEXT_BYTES. Line ends are normalised to `\n`, so that offsets mean the same on every system.
 */
export function checkSourceText(raw: string, origin: 'pasted' | 'file'): SourceTextCheck {
  const what = origin === 'file' ? 'The file' : 'The pasted text';
  if (raw.trim() === '') return { ok: false, message: `${what} is empty.` };
  const bytes = utf8Bytes(raw);
  if (bytes > MAX_SOURCE_TEXT_BYTES) {
    const mb = (bytes / (1024 * 1024)).toFixed(1);
    return { ok: false, message: `${what} is ${mb} MB; a story's source text can be at most 2 MB.` };
  }
  const text = raw.replace(/\r\n?/g, '\n');
  const problem = sourceTextProblem(text);
  if (problem) return { ok: false, message: `${what} is not plain text: it ${problem}. Choose a .txt file saved as UTF-8.` };
  return { ok: true, text };
}
