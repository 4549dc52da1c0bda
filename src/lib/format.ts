const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Formats an ISO date at its own precision: "5 July 2025", "July 2025" or "2025". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'Undated';
  const [year, month, day] = iso.split('-');
  if (!month) return year!;
  const name = MONTHS[Number(month) - 1];
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** The year of an ISO date, or null. */
export function yearOf(iso: string | null | undefined): string | null {
  return iso ? iso.slice(0, 4) : null;
}

/** Site paths of each page type, in one place so that links and exports agree. */
export const paths = {
  article: (id: string) => `/articles/${id}/`,
  actor: (id: string) => `/actors/${id}/`,
  event: (id: string) => `/events/${id}/`,
  source: (id: string) => `/sources/${id}/`,
  topic: (id: string) => `/topics/${id}/`,
};
