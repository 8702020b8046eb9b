/** A loaded profile: a region's rules, calendar, gemeenten and aliases, its `extends` resolved (load.ts). */
import type { CalendarSpec } from '../calendar/werkdagen.js';
import type { RouteCode } from '../model/fields.js';
import type { RuleDef } from '../rules/registry.js';
import type { ProfileSpec, ZichtSpec } from './schema.js';

export interface Profile {
  id: string;
  version: string;
  name: { nl: string; en: string };
  description?: { nl: string; en: string };
  /** this profile and the ones it extends, nearest first */
  chain: string[];
  file: string;
  sources: Record<string, { title: string; short?: string; file?: string }>;
  calendarSpec: CalendarSpec;
  calendarSource?: { document: string; section: string };
  momentWindow: { before: number; after: number };
  deelregios: Record<string, string[]>;
  rules: RuleDef[];
  /** rules switched off or replaced, for `rules list` and the report footer */
  inactive: { id: string; reason: 'off' | 'replaced'; by?: string; origin: string }[];
  routeAliases: Record<string, RouteCode>;
  gemeenteAliases: Record<string, string>;
  monitoringDuration?: ProfileSpec['monitoring_duration'];
  /** the zicht_op_veiligheid block, merged over the chain (complete, or absent) */
  zicht?: ZichtSpec;
  /** absolute path of the triage tree YAML, when the profile has one */
  triage?: string;
  regie: Partial<Record<RouteCode, { nl: string; en: string }>>;
  /**
   * What the profile was made of (issue 16.1): `sha256` of the canonical form of the chain (the
   * RFC 8785 JSON array of each document as parsed from YAML, this profile first, then each one
   * it extends), and each document's file with the SHA-256 of its text as read.
   */
  digest: { sha256: string; documents: { id: string; file: string; sha256: string }[] };
}

