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
  'error.locked': '{file}: kan het bestand niet openen ({code}: in gebruik of geen leesrechten); sluit het bestand in Excel en probeer het opnieuw',
  'error.excelLockFile': '{file}: dit is het tijdelijke vergrendelbestand dat Excel maakt zolang een werkmap open is, geen export; geef het bestand zelf op (zonder ~$ in de naam)',
  'hint.otherSheet': 'de gegevens staan op werkblad "{sheet}": gebruik --sheet "{sheet}" (werkbladen: {sheets})',
  'hint.sheets': 'geen werkblad heeft de verplichte kolommen (werkbladen: {sheets}); kies er een met --sheet',
  'hint.titleRows': 'de kopregel staat op rij {row}; verwijder de {count} regel(s) met titels erboven en probeer het opnieuw',
  'hint.noHeader': 'in de eerste {rows} rijen staat geen kopregel met deze kolommen',
  'compare.problem.notJson': 'dit is geen JSON (een export of een ander formaat?)',
  'compare.problem.jsonl': 'dit is uitvoer van --format jsonl; gebruik --format json',
  'compare.problem.export': 'dit is een lijst van rijen, een export; draai er eerst giacheck check op',
  'compare.problem.validate': 'dit is een validate-rapport, geen check-rapport',
  'compare.problem.agenda': 'dit is een agenda, geen check-rapport',
  'compare.problem.compare': 'dit is zelf een vergelijking, geen check-rapport',
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
  'error.locked': '{file}: cannot open the file ({code}: in use or no read permission); close the file in Excel and try again',
  'error.excelLockFile': '{file}: this is the temporary lock file Excel keeps while a workbook is open, not an export; give the file itself (without ~$ in its name)',
  'hint.otherSheet': 'the data is on sheet "{sheet}": use --sheet "{sheet}" (sheets: {sheets})',
  'hint.sheets': 'no sheet has the required columns (sheets: {sheets}); choose one with --sheet',
  'hint.titleRows': 'the header row is row {row}; delete the {count} title row(s) above it and try again',
  'hint.noHeader': 'none of the first {rows} rows is a header row with these columns',
  'compare.problem.notJson': 'this is not JSON (an export or another format?)',
  'compare.problem.jsonl': 'this is --format jsonl output; use --format json',
  'compare.problem.export': 'this is a list of rows, an export; run giacheck check on it first',
  'compare.problem.validate': 'this is a validate report, not a check report',
  'compare.problem.agenda': 'this is an agenda, not a check report',
  'compare.problem.compare': 'this is a comparison itself, not a check report',
};

export const usage = { nl, en };
registerCatalog(usage);
