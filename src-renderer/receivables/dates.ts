/** Today on this computer's calendar (yyyy-mm-dd): debts are aged as of the user's day, not UTC's. */
export function todayLocal(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
