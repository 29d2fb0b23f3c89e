// Money is integer kopecks everywhere; quantities are integer thousandths. The core's
// deal totals and the renderer's live total under the lines editor must round alike,
// so both call these.

/** quantity × price in kopecks, rounded half up once per line (quantity is in thousandths). */
export function lineTotal(quantityMilli: number, priceKopecks: number): number {
  return Math.floor((quantityMilli * priceKopecks + 500) / 1000);
}

/** The sum of the lines' totals (each rounded on its own, as an invoice does). */
export function linesTotal(lines: readonly { quantityMilli: number; priceKopecks: number }[]): number {
  return lines.reduce((sum, l) => sum + lineTotal(l.quantityMilli, l.priceKopecks), 0);
}
