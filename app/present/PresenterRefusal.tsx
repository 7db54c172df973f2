import Link from 'next/link';

export type RefusalReason = 'missing-key' | 'wrong-key' | 'not-found' | 'refused';

const MESSAGES: Record<RefusalReason, { title: string; detail: string }> = {
  'missing-key': {
    title: 'This link is missing its presenter key',
    detail: 'A presenter link ends with “#key=…”. Use the full link you were given when the briefing was created.',
  },
  'wrong-key': {
    title: 'This key does not control this room',
    detail: 'The presenter key in this link belongs to another briefing, or was mistyped. Use the full presenter link of this briefing.',
  },
  'not-found': {
    title: 'This briefing does not exist (or has closed)',
    detail: 'Check the link, or create a new briefing.',
  },
  refused: {
    title: 'The server refused this presenter view',
    detail: 'Reload the page; if it happens again, create a new briefing.',
  },
};

/** Why this screen cannot present, with no controls: only a way out. */
export function PresenterRefusal({ reason }: { reason: RefusalReason }) {
  const { title, detail } = MESSAGES[reason];
  return (
    <main className="present present-refused" data-state="refused" data-reason={reason}>
      <div className="present-refusal" role="alert">
        <h1>{title}</h1>
        <p>{detail}</p>
      </div>
      <p>
        <Link href="/briefings/new">Create a new briefing</Link> · <Link href="/">Back to the live dashboard</Link>
      </p>
    </main>
  );
}
