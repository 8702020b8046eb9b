/**
 * Spellings in an export to the profile's names: gemeenten (official name, aliases, case, hyphen
 * and space variants) and triage outcomes (route codes and their aliases). Kept apart from the
 * profile loader so the ingest worker (src/engine/ingest-worker.ts) can normalise rows without
 * loading zod, yaml and date-holidays (~40 MB and ~0.2 s of start-up per thread).
 */
import { RouteCode, ROUTES } from '../model/fields.js';
import type { Profile } from './profile.js';

/** Normalise a gemeente or route spelling for lookup: case, hyphens, spaces, diacritics. */
export function lookupKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

/** The official gemeente name for a spelling in an export, or undefined. */
export function gemeenteResolver(profile: Profile): (text: string) => { gemeente: string; deelregio?: string } | undefined {
  const map = new Map<string, { gemeente: string; deelregio: string }>();
  for (const [deelregio, gemeenten] of Object.entries(profile.deelregios)) {
    for (const g of gemeenten) map.set(lookupKey(g), { gemeente: g, deelregio });
  }
  for (const [alias, target] of Object.entries(profile.gemeenteAliases)) {
    const hit = map.get(lookupKey(target));
    if (hit) map.set(lookupKey(alias), hit);
  }
  if (map.size === 0) return (text) => (text.trim() ? { gemeente: text.trim() } : undefined);
  const cache = new Map<string, { gemeente: string; deelregio: string } | undefined>();
  return (text) => {
    let hit = cache.get(text);
    if (hit === undefined && !cache.has(text)) {
      hit = map.get(lookupKey(text));
      if (cache.size < 10_000) cache.set(text, hit);
    }
    return hit;
  };
}

/** Route code for an export value: a canonical code or one of the profile's spellings. */
export function routeResolver(profile: Profile, extra: Record<string, RouteCode> = {}): (text: string) => RouteCode | undefined {
  const map = new Map<string, RouteCode>();
  for (const r of ROUTES) map.set(lookupKey(r), r);
  for (const [alias, code] of Object.entries({ ...profile.routeAliases, ...extra })) map.set(lookupKey(alias), code);
  return (text) => map.get(lookupKey(text));
}

export function allGemeenten(profile: Profile): string[] {
  return Object.values(profile.deelregios).flat();
}
