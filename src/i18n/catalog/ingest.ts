/**
 * Messages of the readers (src/ingest): cells that are not values (a JSON object or array, an
 * Excel error value, a formula without a computed value) and the limits of the XLSX reader
 * (zip bombs, truncated zips, oversized parts). One line each, naming the file and the next step.
 */
import { registerCatalog } from '../index.js';

const nl = {
  'reject.cell.object': 'een JSON-object in plaats van een waarde (niet getoond)',
  'reject.cell.array': 'een JSON-lijst in plaats van een waarde (niet getoond)',
  'reject.cell.error': 'een Excel-foutwaarde (zoals #N/A) in plaats van een waarde',
  'reject.cell.formula': 'een formule zonder berekende waarde; open het bestand in Excel, laat het herberekenen en sla het op',
  'reject.cell.stale':
    'een formule waarvan de werkmap zegt dat de opgeslagen waarde niet geldt (herberekenen bij openen); open het bestand in Excel, laat het herberekenen en sla het op',
  'xlsx.at.part': 'onderdeel {part}',
  'xlsx.at.sheet': 'werkblad {sheet} ({part})',
  'xlsx.at.row': 'werkblad {sheet}, rij {row}',
  'xlsx.at.afterRow': 'werkblad {sheet}, na rij {row}',
  'xlsx.at.cell': 'werkblad {sheet}, cel {cell}',
  'xlsx.tooLarge': '{file}: groter dan {limit}, de grens van giacheck voor een XLSX-bestand; exporteer als CSV, of per periode',
  'xlsx.truncated': '{file}: geen volledig XLSX-bestand (het zip-archief is afgebroken of beschadigd); exporteer het bestand opnieuw',
  'xlsx.damaged': '{file}: {at}: beschadigd (de uitgepakte grootte of de controlesom klopt niet); exporteer het bestand opnieuw',
  'xlsx.notZip': '{file}: geen XLSX-bestand (geen zip-archief); sla het in Excel op als .xlsx of exporteer als CSV',
  'xlsx.encrypted': '{file}: het XLSX-bestand is versleuteld of met een wachtwoord beveiligd; sla het zonder wachtwoord op',
  'xlsx.method': '{file}: {at}: gecomprimeerd op een manier die giacheck niet leest; sla het bestand opnieuw op in Excel',
  'xlsx.missingPart': '{file}: {at}: ontbreekt in het bestand; dit is geen volledige Excel-werkmap, exporteer het bestand opnieuw',
  'xlsx.bomb': '{file}: {at}: pakt uit tot meer dan {ratio} keer zijn gecomprimeerde grootte (een zip-bom?) en wordt niet gelezen; sla het bestand opnieuw op in Excel of exporteer als CSV',
  'xlsx.partTooLarge': '{file}: {at}: uitgepakt groter dan {limit}, de grens van giacheck; exporteer als CSV',
  'xlsx.tooManyStrings': '{file}: {at}: meer dan {limit} gedeelde teksten, de grens van giacheck; exporteer als CSV',
  'xlsx.badXml': '{file}: {at}: geen geldige XML; exporteer het bestand opnieuw',
  'xlsx.doctype': '{file}: {at}: bevat een DOCTYPE-declaratie, die een Excel-werkmap nooit heeft, en wordt niet gelezen; sla het bestand opnieuw op in Excel',
  'xlsx.badRow': '{file}: {at}: een rij zonder rijnummer van Excel (1 tot en met {max}); exporteer het bestand opnieuw',
  'xlsx.rowOrder': '{file}: {at}: staat na rij {previous}; een Excel-werkmap heeft de rijen op volgorde, exporteer het bestand opnieuw',
  'xlsx.tooManyColumns': '{file}: {at}: een cel voorbij kolom XFD ({max}), de grens van Excel; exporteer het bestand opnieuw',
  'xlsx.cellTooLong': '{file}: {at}: meer dan {max} tekens, de grens van een Excel-cel; kort de cel in of exporteer als CSV',
};

const en: Record<keyof typeof nl, string> = {
  'reject.cell.object': 'a JSON object instead of a value (not shown)',
  'reject.cell.array': 'a JSON array instead of a value (not shown)',
  'reject.cell.error': 'an Excel error value (such as #N/A) instead of a value',
  'reject.cell.formula': 'a formula without a computed value; open the file in Excel, let it recalculate and save it',
  'reject.cell.stale':
    'a formula whose stored value the workbook says does not hold (recalculate on opening); open the file in Excel, let it recalculate and save it',
  'xlsx.at.part': 'part {part}',
  'xlsx.at.sheet': 'sheet {sheet} ({part})',
  'xlsx.at.row': 'sheet {sheet}, row {row}',
  'xlsx.at.afterRow': 'sheet {sheet}, after row {row}',
  'xlsx.at.cell': 'sheet {sheet}, cell {cell}',
  'xlsx.tooLarge': '{file}: larger than {limit}, giacheck\'s limit for an XLSX file; export as CSV, or per period',
  'xlsx.truncated': '{file}: not a complete XLSX file (the zip archive is cut short or damaged); export the file again',
  'xlsx.damaged': '{file}: {at}: damaged (its unpacked size or checksum is wrong); export the file again',
  'xlsx.notZip': '{file}: not an XLSX file (not a zip archive); save it in Excel as .xlsx or export as CSV',
  'xlsx.encrypted': '{file}: the XLSX file is encrypted or password-protected; save it without a password',
  'xlsx.method': '{file}: {at}: compressed in a way giacheck does not read; save the file again in Excel',
  'xlsx.missingPart': '{file}: {at}: missing from the file; this is not a complete Excel workbook, export the file again',
  'xlsx.bomb': '{file}: {at}: unpacks to more than {ratio} times its compressed size (a zip bomb?) and is not read; save the file again in Excel or export as CSV',
  'xlsx.partTooLarge': '{file}: {at}: larger than {limit} unpacked, giacheck\'s limit; export as CSV',
  'xlsx.tooManyStrings': '{file}: {at}: more than {limit} shared strings, giacheck\'s limit; export as CSV',
  'xlsx.badXml': '{file}: {at}: not valid XML; export the file again',
  'xlsx.doctype': '{file}: {at}: holds a DOCTYPE declaration, which an Excel workbook never has, and is not read; save the file again in Excel',
  'xlsx.badRow': '{file}: {at}: a row without an Excel row number (1 to {max}); export the file again',
  'xlsx.rowOrder': '{file}: {at}: comes after row {previous}; an Excel workbook has its rows in order, export the file again',
  'xlsx.tooManyColumns': '{file}: {at}: a cell beyond column XFD ({max}), the limit of Excel; export the file again',
  'xlsx.cellTooLong': '{file}: {at}: more than {max} characters, the limit of an Excel cell; shorten the cell or export as CSV',
};

export const ingest = { nl, en };
registerCatalog(ingest);
