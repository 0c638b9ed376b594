/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, each edit
 * counted once), stopping early once it exceeds `max`: then it returns `max + 1`. Typos in
 * names are mostly one slipped, doubled, dropped or swapped letter ("Mircosoft").
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prevPrev: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (prevPrev[j - 2] ?? 0) + 1)
      row.push(best)
      rowMin = Math.min(rowMin, best)
    }
    if (rowMin > max) return max + 1
    prevPrev = prev
    prev = row
  }
  return Math.min(prev[b.length] ?? max + 1, max + 1)
}
