/**
 * The provenance of a run (issue 16.1): the hashes of what it read, the profile chain, the
 * mapping, the version, the peildatum and the options that change what the report says. Built
 * from what the run already holds: the inputs were hashed while they were read (model/digest.ts).
 */
import { isoDate } from '../calendar/days.js';
import { getLang } from '../i18n/index.js';
import type { Mapping } from '../ingest/mapping.js';
import type { ReadOptions } from '../ingest/readers.js';
import type { Profile } from '../profile/load.js';
import type { Provenance } from '../report/model.js';
import { baseName } from '../report/overview.js';
import type { InputDigest } from './run.js';

export interface ProvenanceRun {
  profile: Profile;
  mapping: Mapping;
  read: ReadOptions;
  peildatum: number;
  peildatumGiven: boolean;
  /** --gemeente (check, agenda) */
  gemeenten?: string[];
  /** --from/--to and --period (check) */
  period?: { from?: number; to?: number; unit?: string };
}

export interface ProvenanceChoices {
  includePassed?: boolean;
  pseudonymized?: boolean;
  minCell?: number;
  aggregateOnly?: boolean;
}

export function provenanceOf(
  run: ProvenanceRun,
  digests: InputDigest[],
  tool: { version: string },
  choices: ProvenanceChoices = {},
): Provenance {
  const p = run.profile;
  const sheet = run.read.sheet;
  return {
    giacheck: { version: tool.version },
    inputs: digests.map((d) => ({ file: baseName(d.file), format: d.format, bytes: d.bytes, sha256: d.sha256 })),
    profile: { id: p.id, version: p.version, sha256: p.digest.sha256, canonical: 'rfc8785-chain', documents: p.digest.documents },
    mapping: run.mapping.file && run.mapping.sha256 ? { file: baseName(run.mapping.file), sha256: run.mapping.sha256 } : null,
    peildatum: isoDate(run.peildatum),
    peildatum_given: run.peildatumGiven,
    options: {
      encoding: run.read.encoding,
      delimiter: run.read.delimiter === undefined ? null : run.read.delimiter === '\t' ? 'tab' : run.read.delimiter,
      sheet: sheet === undefined ? null : String(sheet),
      gemeenten: run.gemeenten ?? null,
      from: run.period?.from === undefined ? null : isoDate(run.period.from),
      to: run.period?.to === undefined ? null : isoDate(run.period.to),
      period: run.period?.unit ?? null,
      include_passed: choices.includePassed ?? false,
      pseudonymized: choices.pseudonymized ?? false,
      min_cell: choices.minCell ?? null,
      aggregate_only: choices.aggregateOnly ?? false,
      lang: getLang(),
    },
  };
}
