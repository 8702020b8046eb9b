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
  'xlsx.truncated': '{file}: geen volledig XLSX-bestand (het zip-archief is afgebroken of beschadigd); exporteer het bestand opnieuw',
  'xlsx.notZip': '{file}: geen XLSX-bestand (geen zip-archief); sla het in Excel op als .xlsx of exporteer als CSV',
  'xlsx.encrypted': '{file}: het XLSX-bestand is versleuteld of met een wachtwoord beveiligd; sla het zonder wachtwoord op',
  'xlsx.method': '{file}: onderdeel {part} is gecomprimeerd op een manier die giacheck niet leest; sla het bestand opnieuw op in Excel',
  'xlsx.missingPart': '{file}: onderdeel {part} ontbreekt; dit is geen volledige Excel-werkmap, exporteer het bestand opnieuw',
  'xlsx.bomb': '{file}: onderdeel {part} pakt uit tot meer dan {ratio} keer zijn gecomprimeerde grootte (een zip-bom?); giacheck leest het niet',
  'xlsx.partTooLarge': '{file}: onderdeel {part} is uitgepakt groter dan {limit}; giacheck leest het niet (exporteer als CSV)',
  'xlsx.tooManyStrings': '{file}: meer dan {limit} gedeelde teksten; giacheck leest het niet (exporteer als CSV)',
  'xlsx.badXml': '{file}: onderdeel {part} is geen geldige XML; exporteer het bestand opnieuw',
  'xlsx.badRow': '{file}: een rij in het werkblad heeft geen rijnummer van Excel (1 tot en met 1.048.576); exporteer het bestand opnieuw',
  'xlsx.cellTooLong': '{file}: een cel heeft meer dan {max} tekens, de grens van Excel; exporteer het bestand opnieuw',
  'xlsx.doctype': '{file}: onderdeel {part} bevat een DOCTYPE-declaratie, die een Excel-werkmap nooit heeft; giacheck leest het niet',
  'xlsx.tooManyColumns': '{file}: rij {row} heeft een cel voorbij kolom XFD (16.384), de grens van Excel',
  'xlsx.rowOrder': '{file}: rij {row} staat na rij {previous} in het werkblad; een Excel-werkmap heeft de rijen op volgorde, exporteer het bestand opnieuw',
};

const en: Record<keyof typeof nl, string> = {
  'reject.cell.object': 'a JSON object instead of a value (not shown)',
  'reject.cell.array': 'a JSON array instead of a value (not shown)',
  'reject.cell.error': 'an Excel error value (such as #N/A) instead of a value',
  'reject.cell.formula': 'a formula without a computed value; open the file in Excel, let it recalculate and save it',
  'xlsx.truncated': '{file}: not a complete XLSX file (the zip archive is cut short or damaged); export the file again',
  'xlsx.notZip': '{file}: not an XLSX file (not a zip archive); save it in Excel as .xlsx or export as CSV',
  'xlsx.encrypted': '{file}: the XLSX file is encrypted or password-protected; save it without a password',
  'xlsx.method': '{file}: part {part} is compressed in a way giacheck does not read; save the file again in Excel',
  'xlsx.missingPart': '{file}: part {part} is missing; this is not a complete Excel workbook, export the file again',
  'xlsx.bomb': '{file}: part {part} unpacks to more than {ratio} times its compressed size (a zip bomb?); giacheck does not read it',
  'xlsx.partTooLarge': '{file}: part {part} is larger than {limit} unpacked; giacheck does not read it (export as CSV)',
  'xlsx.tooManyStrings': '{file}: more than {limit} shared strings; giacheck does not read it (export as CSV)',
  'xlsx.badXml': '{file}: part {part} is not valid XML; export the file again',
  'xlsx.badRow': '{file}: a row of the sheet has no Excel row number (1 to 1,048,576); export the file again',
  'xlsx.cellTooLong': '{file}: a cell has more than {max} characters, the limit of Excel; export the file again',
  'xlsx.doctype': '{file}: part {part} holds a DOCTYPE declaration, which an Excel workbook never has; giacheck does not read it',
  'xlsx.tooManyColumns': '{file}: row {row} has a cell beyond column XFD (16,384), the limit of Excel',
  'xlsx.rowOrder': '{file}: row {row} comes after row {previous} in the sheet; an Excel workbook has its rows in order, export the file again',
};

export const ingest = { nl, en };
registerCatalog(ingest);
