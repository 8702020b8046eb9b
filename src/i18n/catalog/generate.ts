/** Messages of `giacheck generate` (synthetic exports). */
import { registerCatalog } from '../index.js';

const nl = {
  'cmd.generate': 'maak een synthetische, realistische export (verzonnen dossiers) voor demo, training en benchmark',
  'gen.opt.cases': 'aantal meldingen (rijen)',
  'gen.opt.seed': 'startwaarde: dezelfde seed geeft dezelfde bytes',
  'gen.opt.region': 'gebundeld profiel waarvan de gemeenten en routes komen: {regions}',
  'gen.opt.profile': 'eigen profiel (YAML) met deelregio\'s en gemeenten',
  'gen.opt.until': 'exportdatum: laatste meldingsdatum; niets na deze dag is geregistreerd',
  'gen.opt.months': 'meldingen verspreid over zoveel maanden tot en met --until',
  'gen.opt.invalid': 'aandeel rijen (0–1) met een datafout (onmogelijke datum, onbekende gemeente, dubbel dossiernummer …)',
  'gen.opt.format': 'uitvoerformaat: csv (Nederlandse Excel: ; en dd-mm-jjjj), jsonl of xlsx',
  'gen.opt.output': 'schrijf naar dit bestand (atomair, modus 0600) in plaats van standaarduitvoer',
  'gen.error.cases': '--cases "{value}": verwacht een geheel getal van 0 tot en met {max}',
  'gen.error.months': '--months "{value}": verwacht een geheel getal van 1 tot en met 120',
  'gen.error.invalid': '--invalid "{value}": verwacht een aandeel van 0 tot en met 1 (bijv. 0.01)',
  'gen.error.until': '--until "{value}": verwacht een bestaande datum als jjjj-mm-dd',
  'gen.error.region': 'geef --region ({regions}) of --profile: de gemeenten komen uit het profiel',
  'gen.error.noGemeenten': 'profiel {profile} noemt geen gemeenten; kies een regio met deelregio\'s: {regions}',
  'gen.done': '{rows} synthetische meldingen ({profile}, seed {seed}, {from} t/m {until}) geschreven naar {target}',
  'gen.stdout': 'standaarduitvoer',
};
const en: Record<keyof typeof nl, string> = {
  'cmd.generate': 'write a synthetic, realistic export (invented dossiers) for demos, training and benchmarks',
  'gen.opt.cases': 'number of meldingen (rows)',
  'gen.opt.seed': 'seed: the same seed gives the same bytes',
  'gen.opt.region': 'bundled profile providing gemeenten and routes: {regions}',
  'gen.opt.profile': 'custom profile (YAML) with deelregio\'s and gemeenten',
  'gen.opt.until': 'export date: the last melding date; nothing after this day is registered',
  'gen.opt.months': 'meldingen spread over this many months up to --until',
  'gen.opt.invalid': 'share of rows (0–1) with a data fault (impossible date, unknown gemeente, duplicate case number …)',
  'gen.opt.format': 'output format: csv (Dutch Excel: ; and dd-mm-yyyy), jsonl or xlsx',
  'gen.opt.output': 'write to this file (atomically, mode 0600) instead of standard output',
  'gen.error.cases': '--cases "{value}": expected a whole number from 0 to {max}',
  'gen.error.months': '--months "{value}": expected a whole number from 1 to 120',
  'gen.error.invalid': '--invalid "{value}": expected a share from 0 to 1 (e.g. 0.01)',
  'gen.error.until': '--until "{value}": expected an existing date as yyyy-mm-dd',
  'gen.error.region': 'pass --region ({regions}) or --profile: the gemeenten come from the profile',
  'gen.error.noGemeenten': 'profile {profile} lists no gemeenten; choose a region with deelregio\'s: {regions}',
  'gen.done': '{rows} synthetic meldingen ({profile}, seed {seed}, {from} to {until}) written to {target}',
  'gen.stdout': 'standard output',
};

export const generate = { nl, en };
registerCatalog(generate);
