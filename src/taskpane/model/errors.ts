/**
 * Turns whatever a host call threw into one sentence for the clerk. Hosts throw errors whose
 * message is already such a sentence; anything else (a bug, a lost connection) gets a lead-in
 * saying the action did not finish, so the clerk knows to retry or report it.
 */
export function errorDetail(e: unknown): string {
  if (e instanceof Error && e.message.trim() !== '') return e.message.trim();
  if (typeof e === 'string' && e.trim() !== '') return e.trim();
  return '';
}
