/** Says why the server refused this screen, in words. */
export function refusalMessage(refusal: string | null): string {
  if (refusal === 'not_found') return 'This room does not exist (or has closed).';
  if (refusal === 'protocol_mismatch') return 'This page is out of date with the server: reload it to follow the room.';
  return `The server refused the connection (${refusal}).`;
}

