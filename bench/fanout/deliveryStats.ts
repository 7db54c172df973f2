/** What one client received, and what that means for loss, duplication and latency. Pure. */

export interface ClientReceipts {
  /** The seq of the join snapshot (Sitrep); undefined for the bare server, which sends none. */
  snapshotSeq: number | undefined;
  /** Seq of every numbered message (events and clocks), in arrival order. */
  seqs: number[];
  /** Id and arrival time (epoch ms) of every `replay:event`, in arrival order. */
  eventIds: string[];
  eventReceivedMs: number[];
}

export interface ClientDelivery {
  /** Arrival − scheduled release, for each expected event received (first arrival only). */
  latenciesMs: number[];
  /** Expected events never received (by id), or seqs skipped over the whole run, whichever is larger. */
  lost: number;
  /** Expected events received more than once (by id), or seqs not above the last one, whichever is larger. */
  duplicated: number;
}

export function emptyReceipts(): ClientReceipts {
  return { snapshotSeq: undefined, seqs: [], eventIds: [], eventReceivedMs: [] };
}

function seqAnomalies(receipts: ClientReceipts): { skipped: number; repeated: number } {
  let skipped = 0;
  let repeated = 0;
  let last = receipts.snapshotSeq ?? (receipts.seqs[0] ?? 0) - 1;
  for (const seq of receipts.seqs) {
    if (seq <= last) {
      repeated++;
      continue;
    }
    skipped += seq - last - 1;
    last = seq;
  }
  return { skipped, repeated };
}

/** `expected` maps each event id released inside the measurement window to its scheduled instant (epoch ms). */
export function deliveryOf(receipts: ClientReceipts, expected: ReadonlyMap<string, number>): ClientDelivery {
  const seen = new Set<string>();
  const latenciesMs: number[] = [];
  let repeatedIds = 0;
  receipts.eventIds.forEach((id, i) => {
    const scheduledMs = expected.get(id);
    if (scheduledMs === undefined) return;
    if (seen.has(id)) {
      repeatedIds++;
      return;
    }
    seen.add(id);
    latenciesMs.push((receipts.eventReceivedMs[i] as number) - scheduledMs);
  });
  const { skipped, repeated } = seqAnomalies(receipts);
  return {
    latenciesMs,
    lost: Math.max(expected.size - seen.size, skipped),
    duplicated: Math.max(repeatedIds, repeated),
  };
}
