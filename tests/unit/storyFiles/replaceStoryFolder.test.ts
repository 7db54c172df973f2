import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanLeftovers, nodeFolderFs, replaceStoryFolder, type FolderFs } from '@/lib/storyFiles/replaceStoryFolder';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sitrep-replace-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const OLD = new Map([
  ['scenario.json', 'old scenario'],
  ['article.txt', 'old text'],
]);
const NEW = new Map([
  ['scenario.json', 'new scenario'],
  ['events.json', 'new events'],
  ['article.txt', 'new text'],
]);

function writeFolder(name: string, files: ReadonlyMap<string, string>) {
  mkdirSync(path.join(dir, name));
  for (const [file, text] of files) writeFileSync(path.join(dir, name, file), text);
}

function folderContents(name: string): Record<string, string> {
  const folder = path.join(dir, name);
  return Object.fromEntries(readdirSync(folder).sort().map((file) => [file, readFileSync(path.join(folder, file), 'utf8')]));
}

type Step = keyof FolderFs;

/** The real calls, logged; the `failOn`-th call of `step` (1-based) throws instead. */
function recordingFs(failOn?: { step: Step; nth: number }) {
  const calls: string[] = [];
  const counts = new Map<Step, number>();
  const wrap =
    <A extends unknown[], R>(step: Step, real: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const n = (counts.get(step) ?? 0) + 1;
      counts.set(step, n);
      const shown = args.filter((a): a is string => typeof a === 'string' && a.startsWith(dir)).map((a) => path.relative(dir, a).replace(/-[0-9a-f]{12}/, '-*'));
      calls.push(`${step} ${shown.join(' ')}`.trim());
      if (failOn && failOn.step === step && failOn.nth === n) throw new Error(`injected failure of ${step}`);
      return real(...args);
    };
  const io: FolderFs = {
    mkdir: wrap('mkdir', nodeFolderFs.mkdir),
    writeFileSynced: wrap('writeFileSynced', nodeFolderFs.writeFileSynced),
    syncFolder: wrap('syncFolder', nodeFolderFs.syncFolder),
    rename: wrap('rename', nodeFolderFs.rename),
    removeTree: wrap('removeTree', nodeFolderFs.removeTree),
    exists: wrap('exists', nodeFolderFs.exists),
    list: wrap('list', nodeFolderFs.list),
  };
  return { io, calls };
}

describe('replaceStoryFolder', () => {
  it('writes the files into a dot-folder, flushes them, then swaps it in for the old folder and removes the old one', async () => {
    writeFolder('a-story', OLD);
    const { io, calls } = recordingFs();
    expect(await replaceStoryFolder(dir, 'a-story', NEW, io)).toEqual([]);
    expect(calls).toEqual([
      'mkdir .tmp-a-story-*',
      'writeFileSynced .tmp-a-story-*/scenario.json',
      'writeFileSynced .tmp-a-story-*/events.json',
      'writeFileSynced .tmp-a-story-*/article.txt',
      'syncFolder .tmp-a-story-*',
      'exists a-story',
      'rename a-story .old-a-story-*',
      'rename .tmp-a-story-* a-story',
      'syncFolder',
      'removeTree .old-a-story-*',
    ]);
    expect(folderContents('a-story')).toEqual({ 'article.txt': 'new text', 'events.json': 'new events', 'scenario.json': 'new scenario' });
    expect(readdirSync(dir)).toEqual(['a-story']);
  });

  it('creates a folder that does not exist yet with one rename', async () => {
    const { io, calls } = recordingFs();
    await replaceStoryFolder(dir, 'new-story', NEW, io);
    expect(calls.filter((c) => c.startsWith('rename'))).toEqual(['rename .tmp-new-story-* new-story']);
    expect(folderContents('new-story')['article.txt']).toBe('new text');
    expect(readdirSync(dir)).toEqual(['new-story']);
  });

  // Every step before the new folder takes the story's name, failing: the old folder is left as it was, whole.
  it.each<[string, Step, number]>([
    ['making the temporary folder', 'mkdir', 1],
    ['writing the first file', 'writeFileSynced', 1],
    ['writing the last file', 'writeFileSynced', 3],
    ['flushing the temporary folder', 'syncFolder', 1],
    ['moving the old folder aside', 'rename', 1],
    ['moving the new folder in place', 'rename', 2],
  ])('a failure while %s throws and leaves the old folder intact, and nothing else', async (_name, step, nth) => {
    writeFolder('a-story', OLD);
    const { io } = recordingFs({ step, nth });
    await expect(replaceStoryFolder(dir, 'a-story', NEW, io)).rejects.toThrow(`injected failure of ${step}`);
    expect(folderContents('a-story')).toEqual({ 'article.txt': 'old text', 'scenario.json': 'old scenario' });
    expect(readdirSync(dir)).toEqual(['a-story']);
  });

  it('a failure while tidying after the swap is reported, and the new folder stands', async () => {
    writeFolder('a-story', OLD);
    const { io } = recordingFs({ step: 'removeTree', nth: 1 });
    const warnings = await replaceStoryFolder(dir, 'a-story', NEW, io);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not remove .*\.old-a-story-[0-9a-f]{12} \(removed at the next start\)/);
    expect(folderContents('a-story')['article.txt']).toBe('new text');
  });
});

describe('cleanLeftovers (at start, after a crash mid-save)', () => {
  it('puts back an old folder whose story lost its name between the two renames', async () => {
    writeFolder('.old-a-story-0123456789ab', OLD);
    writeFolder('.tmp-a-story-ba9876543210', NEW);
    expect(await cleanLeftovers(dir)).toEqual(['restored a-story from .old-a-story-0123456789ab', 'removed .tmp-a-story-ba9876543210']);
    expect(readdirSync(dir)).toEqual(['a-story']);
    expect(folderContents('a-story')['article.txt']).toBe('old text');
  });

  it('removes an old folder left after the new one took its place, and leaves other folders alone', async () => {
    writeFolder('a-story', NEW);
    writeFolder('.old-a-story-0123456789ab', OLD);
    writeFolder('_drafts', OLD);
    writeFolder('.git', OLD);
    expect(await cleanLeftovers(dir)).toEqual(['removed .old-a-story-0123456789ab']);
    expect(readdirSync(dir).sort()).toEqual(['.git', '_drafts', 'a-story']);
    expect(folderContents('a-story')['article.txt']).toBe('new text');
  });
});
