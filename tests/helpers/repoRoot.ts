import path from 'node:path';

/** The repository's root folder, where the scripts, the story folders and the Next.js build are. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
