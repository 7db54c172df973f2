import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listStoryFolders } from '@/lib/storyFiles/readStoryFolders';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const TEST_TIMEOUT_MS = 30_000;
const VALID = 'tests/fixtures/stories/valid-minimal';
const BROKEN = 'tests/fixtures/stories/impossible-date';

const BROKEN_HEADER = `FAILED  ${BROKEN}: 1 problem(s)`;
const BROKEN_PROBLEM = `  ${BROKEN}/events.json:8:7: event "council-meeting" (index 0), field "time.date": impossible date "2025-02-30": February 2025 has 28 days`;
const VALID_OK = 'ok      valid-minimal: 2 events, 3 Mar 2025 – 16 Mar 2025';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx scripts/events-check.ts ...args` from the repository root. */
function eventsCheck(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.SITREP_EVENTS_DIR;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/events-check.ts', ...args],
      { cwd: REPO_ROOT, env, timeout: TEST_TIMEOUT_MS - 5_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`events-check did not run to completion (${String(error.code ?? error.signal)}): ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

describe('npm run events:check', () => {
  it(
    'with no arguments checks every story under events/ and prints one ok line per story folder',
    async () => {
      const folders = (await listStoryFolders(path.join(REPO_ROOT, 'events'))).map((f) => path.basename(f));
      expect(folders.length).toBeGreaterThan(0);

      const run = await eventsCheck([]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);

      const out = lines(run.stdout);
      expect(out).toHaveLength(folders.length);
      folders.forEach((name, i) => {
        const eventCount = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'events', name, 'events.json'), 'utf8')) as unknown[]).length;
        expect(out[i]).toMatch(new RegExp(`^ok {6}${escapeRegExp(name)}: ${eventCount} events, \\d{1,2} [A-Z][a-z]{2} \\d{4} – \\d{1,2} [A-Z][a-z]{2} \\d{4}$`));
      });
      // the first story spans from the 2018 campaign to the day it was published
      expect(out.find((line) => line.startsWith('ok      2025-04-putin-trump: '))).toMatch(/ events, 1 Jan 2018 – 25 Apr 2025$/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    `accepts ${VALID}`,
    async () => {
      const run = await eventsCheck([VALID]);
      expect(run).toEqual({ code: 0, stdout: `${VALID_OK}\n`, stderr: '' });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'reads story format 1 (no "format" in scenario.json) beside format 2',
    async () => {
      const run = await eventsCheck([VALID, 'tests/fixtures/stories/valid-format1']);
      expect(run).toEqual({ code: 0, stdout: `${VALID_OK}\nok      valid-format1: 2 events, 3 Mar 2025 – 16 Mar 2025\n`, stderr: '' });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    `refuses ${BROKEN}, naming the file, the event, the field and the reason`,
    async () => {
      const run = await eventsCheck([BROKEN]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('tests/fixtures/stories/impossible-date/events.json');
      expect(run.stderr).toContain('event "council-meeting" (index 0)');
      expect(run.stderr).toContain('field "time.date"');
      expect(run.stderr).toContain('impossible date "2025-02-30": February 2025 has 28 days');
      expect(lines(run.stderr)).toEqual([BROKEN_HEADER, BROKEN_PROBLEM]);
    },
    TEST_TIMEOUT_MS,
  );

  it.each([
    ['valid first', [VALID, BROKEN]],
    ['broken first', [BROKEN, VALID]],
  ])(
    'with a valid and a broken folder (%s) reports both and exits 1',
    async (_order, args) => {
      const run = await eventsCheck(args);
      expect(run.code).toBe(1);
      expect(lines(run.stdout)).toEqual([VALID_OK]);
      expect(lines(run.stderr)).toEqual([BROKEN_HEADER, BROKEN_PROBLEM]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'reports a folder that does not exist and exits 1',
    async () => {
      const run = await eventsCheck(['tests/fixtures/stories/no-such-story']);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(lines(run.stderr)).toEqual([
        'FAILED  tests/fixtures/stories/no-such-story: 1 problem(s)',
        '  tests/fixtures/stories/no-such-story: folder not found',
      ]);
    },
    TEST_TIMEOUT_MS,
  );
});
