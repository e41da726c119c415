/**
 * The search and page of the check-in list a staff member posted from, read off the Referer so a
 * button press returns to the same place. Only the query of a check-in list of the same event is
 * taken; a forged or unparsable header gives the plain list.
 */
export function checkInReturnQuery(referer: string | undefined, eventId: number): string {
  if (typeof referer !== 'string' || referer.length > 2000) return '';
  try {
    const url = new URL(referer);
    return url.pathname.endsWith(`/veranstaltungen/${eventId}/anmeldungen`) ? url.search : '';
  } catch {
    return '';
  }
}
