'use client';

import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { draftFiles, type DraftFiles } from '@/lib/studio/draftFiles';
import type { DraftStory } from '@/lib/studio/draftStory';
import type { DraftCheck } from '@/lib/studio/draftCheck';

type Checker = typeof import('@/lib/studio/draftCheck');

export interface LiveCheck {
  files: DraftFiles;
  /** Undefined until the checker has loaded (it brings the validation library, so it loads after the page). */
  check: DraftCheck | undefined;
}

/** The draft through the story checker at every change (deferred: typing stays responsive on a long story). */
export function useDraftCheck(story: DraftStory): LiveCheck {
  const [checker, setChecker] = useState<Checker | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void import('@/lib/studio/draftCheck').then((module) => {
      if (live) setChecker(module);
    });
    return () => {
      live = false;
    };
  }, []);
  const deferred = useDeferredValue(story);
  const files = useMemo(() => draftFiles(deferred), [deferred]);
  const check = useMemo(() => checker?.checkDraft(files, deferred.scenario.id), [checker, files, deferred.scenario.id]);
  return { files, check };
}
