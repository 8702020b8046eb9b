/**
 * Workbooks written part by part, for what Excel and exceljs never write: zip bombs, parts that
 * lie about their size, a cell in row 1,048,576, shared-string bombs, 1904 workbooks, formulas
 * with and without a cached value, ISO date cells. A zip of our own (deflate from node:zlib).
 */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/ingest/zip.js';

export interface Part {
  name: string;
  data: Buffer | string;
  /** store instead of deflate */
  store?: boolean;
  /** write this unpacked size into the headers instead of the true one */
  claimUnpacked?: number;
  /** write this compression method into the headers (the data is stored as is) */
  method?: number;
}

/** A zip archive of the parts (local headers, central directory, end record). */
export function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8');
    const stored = p.store || p.method !== undefined;
    const packed = stored ? data : deflateRawSync(data);
    const method = p.method ?? (stored ? 0 : 8);
    const name = Buffer.from(p.name, 'utf8');
    const unpacked = p.claimUnpacked ?? data.length;
    const crc = crc32(0, data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(unpacked, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(unpacked, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export interface BookSpec {
  /** the <sheetData> content of each sheet, by name */
  sheets: Record<string, string>;
  sharedStrings?: string[] | string;
  /** custom number formats (id ≥ 164) and the numFmtId of each cellXfs entry */
  numFmts?: Record<number, string>;
  cellXfs?: number[];
  date1904?: boolean;
  /** <calcPr fullCalcOnLoad="1"/>: the workbook asks to be recalculated when opened (XlsxWriter writes it) */
  fullCalcOnLoad?: boolean;
  /** more parts, or replacements */
  extra?: Part[];
  /** change a part before it is zipped */
  edit?: (p: Part) => Part;
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An inline-string cell, a number cell, a shared-string cell. */
export const str = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`;
export const num = (ref: string, n: number | string, style?: number) => `<c r="${ref}"${style === undefined ? '' : ` s="${style}"`}><v>${n}</v></c>`;
export const row = (r: number, cells: string[]) => `<row r="${r}">${cells.join('')}</row>`;

/** The header row of giacheck's three required columns and one more per name given. */
export const headerRow = (...more: string[]) => row(1, ['dossier_id', 'gemeente', 'melding_datum', ...more].map((h, i) => str(`${String.fromCharCode(65 + i)}1`, h)));

export function book(spec: BookSpec): Buffer {
  const names = Object.keys(spec.sheets);
  const parts: Part[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${spec.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>${spec.fullCalcOnLoad ? '<calcPr calcId="124519" fullCalcOnLoad="1"/>' : ''}</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        names.map((_n, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        (spec.sharedStrings ? `<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        `</Relationships>`,
    },
    {
      name: 'xl/styles.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>` +
        `<numFmts>${Object.entries(spec.numFmts ?? {}).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</numFmts>` +
        `<cellXfs>${(spec.cellXfs ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('')}</cellXfs></styleSheet>`,
    },
    ...names.map((n, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${spec.sheets[n]}</sheetData></worksheet>` })),
  ];
  if (spec.sharedStrings !== undefined) {
    const ss = typeof spec.sharedStrings === 'string' ? spec.sharedStrings : spec.sharedStrings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('');
    parts.push({ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${ss}</sst>` });
  }
  for (const x of spec.extra ?? []) {
    const i = parts.findIndex((p) => p.name === x.name);
    if (i >= 0) parts[i] = x;
    else parts.push(x);
  }
  return zip(spec.edit ? parts.map(spec.edit) : parts);
}
