/** Links to a saved story's downloads (`GET /api/scenarios/:id/export?format=…`, docs/interop.md). */
export function StoryDownloads({ storyId }: { storyId: string }) {
  const base = `/api/scenarios/${encodeURIComponent(storyId)}/export?format=`;
  return (
    <p className="studio-actions" data-testid="story-downloads">
      <span>Download the saved story:</span>
      <a href={`${base}zip`} download>
        folder as zip
      </a>
      <a href={`${base}timelinejs`} download>
        TimelineJS JSON
      </a>
      <a href={`${base}csv`} download>
        CSV
      </a>
    </p>
  );
}
