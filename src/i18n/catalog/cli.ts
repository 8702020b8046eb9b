/** Command and option descriptions (the --help text). */
const nl = {
  'cli.description': 'Controleer de werkafspraken van Veilig Thuis en het lokale veld: termijnen in werkdagen, overdrachtsinformatie, monitoringmomenten en triageroutes.',
  'cli.usageError': '{message} (zie giacheck --help)',
  'cmd.check': 'controleer exports tegen de regels van een profiel en toon het nalevingsrapport',
  'arg.files': 'export(s): CSV, JSON, JSON Lines of XLSX; - leest standaardinvoer',
  'opt.lang': 'taal van de uitvoer (nl of en; ook GIACHECK_LANG of LANG)',
  'opt.noColor': 'geen kleuren (ook met NO_COLOR)',
  'opt.quiet': 'geen meldingen op stderr behalve fouten',
  'opt.debug': 'toon bij een fout de volledige stacktrace',
  'opt.region': 'gebundeld profiel: {regions} (anders afgeleid uit de gemeenten)',
  'opt.profile': 'eigen profiel (YAML; mag extends: gebruiken)',
  'opt.mapping': 'koppeling van kolomnamen en routes van een andere export (YAML)',
  'opt.asOf': 'peildatum als jjjj-mm-dd of dd-mm-jjjj (standaard vandaag)',
  'opt.gemeente': 'alleen deze gemeente (herhaalbaar; schrijfwijzen zoals in de kolom gemeente)',
  'opt.encoding': 'tekenset van de invoer: auto, utf-8, windows-1252, latin1, utf-16le',
  'opt.delimiter': 'scheidingsteken van CSV: , ; of tab (standaard herkend)',
  'opt.sheet': 'werkblad van een XLSX-bestand (naam of nummer; standaard het eerste)',
  'opt.format': 'uitvoerformaat: table, json, jsonl, csv, md, html, xlsx (standaard volgens de extensie van --output, anders table)',
  'opt.output': 'schrijf naar dit bestand (atomair, modus 0600) in plaats van standaarduitvoer',
  'opt.failOn': 'exitcode 1 bij bevindingen van dit niveau of hoger (error, warning, never) en/of bij een regel onder zijn norm (below-norm); combineer met een komma, bijvoorbeeld error,below-norm',
  'opt.includePassed': 'neem ook de op tijd en n.v.t. resultaten op in de bevindingen',
  'opt.maxFindings': 'aantal bevindingen in de tabel (0 = alle)',
  'opt.pseudonymize': 'vervang dossiernummers door een sleutel-hash (sleutel in GIACHECK_PSEUDO_KEY)',
  'start.screen':
    'giacheck {version}: controle van de GIA-werkafspraken van Veilig Thuis en het lokale veld\n' +
    '\n' +
    'Zo werkt het: sleep de export uit uw registratiesysteem (CSV, XLSX of JSON) op {exe}.\n' +
    'Het rapport (een HTML-bestand) komt naast de export te staan. Alles blijft op deze computer:\n' +
    'giacheck verstuurt niets.\n' +
    '\n' +
    'Veelgebruikte opdrachten (in een opdrachtprompt):\n' +
    '  {cmd} check export.csv                  het nalevingsrapport in dit venster\n' +
    '  {cmd} check export.csv --format html --output rapport.html\n' +
    '                                          het rapport als bestand, om te bewaren of te delen\n' +
    '  {cmd} validate export.csv               de kwaliteit van de export nakijken\n' +
    '\n' +
    'Alle opdrachten en opties: {cmd} --help    In English: {cmd} --lang en',
  'start.pause': 'Druk op Enter om dit venster te sluiten.',
  'drop.title': 'giacheck {version}: nalevingsrapport {profile}, peildatum {peildatum}',
  'drop.export': 'Export:   {file}',
  'drop.rows': '          {read} rijen gelezen, {checked} gecontroleerd, {rejected} afgewezen',
  'drop.report': 'Rapport:  {file}',
  'drop.compliance': 'Naleving over alle regels: {percent} ({onTime} van de {judged} beoordeelde termijnen en eisen op orde)',
  'drop.complianceNone': 'Naleving over alle regels: – (geen termijn of eis kon worden beoordeeld)',
  'drop.overdue': 'Nu verlopen (termijn voorbij, nog niet gedaan): {count}, in {dossiers} dossiers',
  'drop.overdueNone': 'Nu verlopen (termijn voorbij, nog niet gedaan): geen',
  'drop.regionInferred': 'Regio {profile}: afgeleid uit de gemeenten in de export.',
  'drop.rejected': 'Afgewezen rijen: {count}; het rapport noemt ze met rij, kolom en reden.',
  'drop.open': 'Open het rapport met een dubbelklik: het opent in uw webbrowser, ook zonder internet.',
  'drop.error': 'kon {file} niet controleren: {message}',
  'drop.errorHint': 'Sleep de export uit het registratiesysteem (CSV, XLSX of JSON) op giacheck, of zie giacheck --help.',
  'drop.oneFile': '{count} bestanden ontvangen; sleep één export tegelijk op giacheck (meerdere exports in één rapport: giacheck check a.csv b.csv).',
  'drop.directory': '{file} is een map; sleep een exportbestand (CSV, XLSX of JSON) op giacheck.',
};
const en: Record<keyof typeof nl, string> = {
  'cli.description': 'Check the work agreements of Veilig Thuis and the lokale veld: deadlines in werkdagen, handover information, monitoring moments and triage routes.',
  'cli.usageError': '{message} (see giacheck --help)',
  'cmd.check': "check exports against a profile's rules and print the compliance report",
  'arg.files': 'export(s): CSV, JSON, JSON Lines or XLSX; - reads standard input',
  'opt.lang': 'output language (nl or en; also GIACHECK_LANG or LANG)',
  'opt.noColor': 'no colours (also with NO_COLOR)',
  'opt.quiet': 'no notes on stderr except errors',
  'opt.debug': 'print the full stack trace on an error',
  'opt.region': 'bundled profile: {regions} (else inferred from the gemeenten)',
  'opt.profile': 'custom profile (YAML; may use extends:)',
  'opt.mapping': 'column names and route spellings of a foreign export (YAML)',
  'opt.asOf': 'reference date (peildatum) as yyyy-mm-dd or dd-mm-yyyy (default today)',
  'opt.gemeente': 'only this gemeente (repeatable; spellings as in the gemeente column)',
  'opt.encoding': 'input encoding: auto, utf-8, windows-1252, latin1, utf-16le',
  'opt.delimiter': 'CSV delimiter: , ; or tab (detected by default)',
  'opt.sheet': 'sheet of an XLSX file (name or number; default the first)',
  'opt.format': 'output format: table, json, jsonl, csv, md, html, xlsx (default from the extension of --output, else table)',
  'opt.output': 'write to this file (atomically, mode 0600) instead of standard output',
  'opt.failOn': 'exit code 1 for findings of this level or higher (error, warning, never) and/or for a rule below its norm (below-norm); combine with a comma, e.g. error,below-norm',
  'opt.includePassed': 'also list on-time and not-applicable results as findings',
  'opt.maxFindings': 'number of findings in the table (0 = all)',
  'opt.pseudonymize': 'replace case numbers by a keyed hash (key in GIACHECK_PSEUDO_KEY)',
  'start.screen':
    'giacheck {version}: checks the GIA work agreements of Veilig Thuis and the lokale veld\n' +
    '\n' +
    'How it works: drop the export of your registration system (CSV, XLSX or JSON) on {exe}.\n' +
    'The report (an HTML file) is written next to the export. Everything stays on this computer:\n' +
    'giacheck sends nothing anywhere.\n' +
    '\n' +
    'Common commands (in a command prompt):\n' +
    '  {cmd} check export.csv                  the compliance report in this window\n' +
    '  {cmd} check export.csv --format html --output report.html\n' +
    '                                          the report as a file, to keep or to share\n' +
    '  {cmd} validate export.csv               check the quality of the export\n' +
    '\n' +
    'All commands and options: {cmd} --help    In Dutch: {cmd} --lang nl',
  'start.pause': 'Press Enter to close this window.',
  'drop.title': 'giacheck {version}: compliance report {profile}, peildatum {peildatum}',
  'drop.export': 'Export:   {file}',
  'drop.rows': '          {read} rows read, {checked} checked, {rejected} rejected',
  'drop.report': 'Report:   {file}',
  'drop.compliance': 'Compliance over all rules: {percent} ({onTime} of the {judged} judged deadlines and requirements met)',
  'drop.complianceNone': 'Compliance over all rules: – (no deadline or requirement could be judged)',
  'drop.overdue': 'Overdue now (deadline passed, not done): {count}, in {dossiers} cases',
  'drop.overdueNone': 'Overdue now (deadline passed, not done): none',
  'drop.regionInferred': 'Region {profile}: inferred from the gemeenten in the export.',
  'drop.rejected': 'Rejected rows: {count}; the report lists them with row, column and reason.',
  'drop.open': 'Open the report with a double-click: it opens in your web browser, also without internet.',
  'drop.error': 'could not check {file}: {message}',
  'drop.errorHint': 'Drop the export of the registration system (CSV, XLSX or JSON) on giacheck, or see giacheck --help.',
  'drop.oneFile': '{count} files received; drop one export at a time on giacheck (several exports in one report: giacheck check a.csv b.csv).',
  'drop.directory': '{file} is a folder; drop an export file (CSV, XLSX or JSON) on giacheck.',
};
export const cli = { nl, en };
