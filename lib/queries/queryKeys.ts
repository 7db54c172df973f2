/** Query-key factory: every cache entry of the app is named here. */
export const queryKeys = {
  scenarios: () => ['scenarios'] as const,
  scenario: (id: string) => ['scenarios', id] as const,
};
