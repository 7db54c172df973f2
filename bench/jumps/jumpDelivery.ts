/** When each client received the `replay:jump` messages the presenter caused, and what that means for latency. Pure. */

export interface JumpReceipts {
  /** Seq and arrival time (epoch ms) of every `replay:jump`, in arrival order. */
  seqs: number[];
  receivedMs: number[];
}

export interface JumpDelivery {
  /** First arrival − sending instant, for each sent jump this client received. */
  latenciesMs: number[];
  /** Sent jumps this client never received. */
  missing: number;
}

export function emptyJumpReceipts(): JumpReceipts {
  return { seqs: [], receivedMs: [] };
}

/** `sent` maps the seq of each jump the presenter caused to the instant (epoch ms) it sent the command. */
export function jumpDeliveryOf(receipts: JumpReceipts, sent: ReadonlyMap<number, number>): JumpDelivery {
  const firstArrivalMs = new Map<number, number>();
  receipts.seqs.forEach((seq, i) => {
    if (sent.has(seq) && !firstArrivalMs.has(seq)) firstArrivalMs.set(seq, receipts.receivedMs[i] as number);
  });
  const latenciesMs: number[] = [];
  for (const [seq, sentMs] of sent) {
    const arrivedMs = firstArrivalMs.get(seq);
    if (arrivedMs !== undefined) latenciesMs.push(arrivedMs - sentMs);
  }
  return { latenciesMs, missing: sent.size - latenciesMs.length };
}
