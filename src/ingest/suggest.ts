/** "Bedoelde u …": the closest known name within a small edit distance, for typos in gemeenten. */
import { lookupKey } from '../profile/lookup.js';

export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

export function suggest(input: string, candidates: string[]): string | undefined {
  const key = lookupKey(input).replace(/ /g, '');
  if (!key) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const ck = lookupKey(c).replace(/ /g, '');
    const d = editDistance(key, ck);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(key.length / 4)));
  return bestD <= limit ? best : undefined;
}
