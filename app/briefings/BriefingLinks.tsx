'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { audienceLink, presenterLink } from './briefingLinks';
import { CopyableLink } from './CopyableLink';
import type { CreatedBriefing } from './useCreateBriefing';

/** The new briefing's two links: the presenter's (secret) and the audience's; the focus moves here once created. */
export function BriefingLinks({ briefing, origin }: { briefing: CreatedBriefing; origin: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [briefing.roomId]);
  const presenterUrl = presenterLink(origin, briefing.roomId, briefing.presenterKey);
  return (
    <section className="briefing-links" aria-labelledby="briefing-links-heading" data-room-id={briefing.roomId}>
      <h2 id="briefing-links-heading" ref={headingRef} tabIndex={-1}>
        Your briefing is ready
      </h2>
      <CopyableLink
        label="Presenter link"
        url={presenterUrl}
        description="Keep this link to yourself: it controls the briefing."
        testId="presenter-link"
      />
      <CopyableLink
        label="Audience link"
        url={audienceLink(origin, briefing.roomId)}
        description="Share this link with your audience: their screens follow the presenter."
        testId="audience-link"
      />
      <p>
        <Link className="button button-primary" href={presenterUrl.slice(origin.length)}>
          Open the presenter view
        </Link>
      </p>
    </section>
  );
}
