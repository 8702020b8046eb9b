/**
 * Texts of the command line around a run: the output file and its format, the one line written
 * after a report, the help examples, commander's own texts (usage, options, its error messages)
 * and the next step for the usual mistakes (a file open in Excel, its lock file, another sheet,
 * title rows above the header).
 */
import { registerCatalog } from '../index.js';

const nl = {
  'output.formatContradicts': '--format {format} past niet bij --output {file} (die extensie schrijft {implied}); laat --format weg of kies een andere bestandsnaam',
  'output.extensionUnsupported': '--output {file}: dit commando schrijft geen {implied} (kies uit {choices}, of geef --format)',
  'output.dirMissing': '--output {file}: de map {dir} bestaat niet; maak de map eerst aan of kies een andere plek',
  'output.dirNotDir': '--output {file}: {dir} is geen map',
  'output.isDirectory': '--output {file}: is een map; geef een bestandsnaam, bijvoorbeeld {example}',
  'output.notWritable': '--output {file}: geen schrijfrechten in de map {dir}',
  'output.written': 'Rapport geschreven naar {file} ({format}, {what})',
  'output.findings.one': '1 bevinding',
  'output.findings.other': '{count} bevindingen',
  'output.issues.one': '1 melding',
  'output.issues.other': '{count} meldingen',
  'output.items.one': '1 termijn',
  'output.items.other': '{count} termijnen',
  'output.changes.one': '1 wijziging',
  'output.changes.other': '{count} wijzigingen',
  'output.rows.one': '1 rij',
  'output.rows.other': '{count} rijen',
};

const en: Record<keyof typeof nl, string> = {
  'output.formatContradicts': '--format {format} does not match --output {file} (that extension writes {implied}); drop --format or choose another file name',
  'output.extensionUnsupported': '--output {file}: this command does not write {implied} (choose from {choices}, or pass --format)',
  'output.dirMissing': '--output {file}: the folder {dir} does not exist; create it first or choose another place',
  'output.dirNotDir': '--output {file}: {dir} is not a folder',
  'output.isDirectory': '--output {file}: is a folder; give a file name, for example {example}',
  'output.notWritable': '--output {file}: no permission to write in the folder {dir}',
  'output.written': 'Report written to {file} ({format}, {what})',
  'output.findings.one': '1 finding',
  'output.findings.other': '{count} findings',
  'output.issues.one': '1 issue',
  'output.issues.other': '{count} issues',
  'output.items.one': '1 deadline',
  'output.items.other': '{count} deadlines',
  'output.changes.one': '1 change',
  'output.changes.other': '{count} changes',
  'output.rows.one': '1 row',
  'output.rows.other': '{count} rows',
};

export const usage = { nl, en };
registerCatalog(usage);
