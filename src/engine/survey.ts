/**
 * Before a run: what the exports hold, from their headers alone. Which canonical fields have a
 * column (after mapping) decides which rules can be judged at all (a rule reading a field without
 * a column is not assessable: no findings, no figures); which columns are named like personal
 * data is said at the top of the report (never their values). Standard input is read once into
 * memory first, so it can be surveyed and then read again.
 */
import { resolveColumns } from '../ingest/columns.js';
import type { Mapping } from '../ingest/mapping.js';
import { bufferStdin, openInput, ReadOptions } from '../ingest/readers.js';
import { FIELDS, FieldName } from '../model/fields.js';
import { piiKindOfColumnName, PiiKind } from '../privacy/pii.js';
import { shownColumnName } from '../privacy/quote.js';
import { t } from '../i18n/index.js';
import { RuleDef, ruleFields } from '../rules/registry.js';

export interface FileSurvey {
  file: string;
  /** canonical fields with a column in this file */
  present: Set<FieldName>;
  /** columns not mapped to a field whose name says personal data */
  pii: { column: string; kind: PiiKind }[];
}

export async function surveyInputs(inputs: string[], mapping: Mapping, read: ReadOptions): Promise<FileSurvey[]> {
  if (inputs.includes('-')) await bufferStdin();
  const out: FileSurvey[] = [];
  for (const path of inputs) {
    const input = await openInput(path, { ...read, wantedColumns: [...Object.values(mapping.columns), ...FIELDS], spans: true });
    const columns = resolveColumns(input.header, mapping);
    const used = new Set<number>(columns);
    const present = new Set(FIELDS.filter((_f, i) => columns[i] >= 0));
    const pii: FileSurvey['pii'] = [];
    input.header.forEach((column, i) => {
      if (used.has(i)) return;
      const kind = piiKindOfColumnName(column);
      // the name only when a message may repeat it (a header typed over with a phone number)
      if (kind) pii.push({ column: shownColumnName(column, t('quote.column', { n: i + 1 })), kind });
    });
    // only the header was needed: let the reader go
    await input.spanBatches?.return(undefined);
    await input.batches.return(undefined);
    out.push({ file: input.file, present, pii });
  }
  return out;
}

/** Per rule that cannot be judged: the fields it reads that some input lacks, and those inputs. */
export function notAssessable(rules: RuleDef[], surveys: FileSurvey[]): Map<string, { fields: FieldName[]; files: string[] }> {
  const out = new Map<string, { fields: FieldName[]; files: string[] }>();
  for (const rule of rules) {
    const fields = new Set<FieldName>();
    const files = new Set<string>();
    for (const f of ruleFields(rule.spec)) {
      for (const s of surveys) {
        if (s.present.has(f)) continue;
        fields.add(f);
        files.add(s.file);
      }
    }
    if (fields.size) out.set(rule.id, { fields: [...fields], files: [...files] });
  }
  return out;
}
