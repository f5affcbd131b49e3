import fs from 'node:fs';
import path from 'node:path';

/**
 * Small but real files of the kinds the processes take (uploads are checked by content, so a text
 * file named .dwg would be refused). Used by the demo seed and the tests.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A stored (uncompressed) zip: enough for Office Open XML detection. */
const zip = (entries: Array<[string, string]>) => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
};

const CONTENT_TYPES = (main: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="${main}" ContentType="${type}"/></Types>`;

/** The app's icon: found from here whether this runs from the sources or from dist/. */
const png = () => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const icon = path.join(dir, 'favicon.png');
    if (fs.existsSync(icon)) return fs.readFileSync(icon);
  }
  throw new Error('favicon.png not found above ' + __dirname);
};

export const SAMPLE_FILES: Record<string, { mime: string; content: () => Buffer }> = {
  '.png': { mime: 'image/png', content: png },
  '.pdf': {
    mime: 'application/pdf',
    content: () => Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n'),
  },
  '.dwg': { mime: 'application/acad', content: () => Buffer.concat([Buffer.from('AC1032'), Buffer.alloc(122)]) },
  '.xlsx': {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content: () =>
      zip([
        [
          '[Content_Types].xml',
          CONTENT_TYPES(
            '/xl/workbook.xml',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
          ),
        ],
        ['xl/workbook.xml', '<workbook/>'],
      ]),
  },
  '.docx': {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    content: () =>
      zip([
        [
          '[Content_Types].xml',
          CONTENT_TYPES(
            '/word/document.xml',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
          ),
        ],
        ['word/document.xml', '<document/>'],
      ]),
  },
  '.mp3': {
    mime: 'audio/mpeg',
    content: () =>
      Buffer.concat([
        Buffer.from('ID3'),
        Buffer.from([4, 0, 0, 0, 0, 0, 0]),
        Buffer.from([0xff, 0xfb, 0x90, 0x64]),
        Buffer.alloc(400),
      ]),
  },
};

/** A Word document (.docx) of the given paragraphs. */
export const wordDocument = (paragraphs: string[]) => {
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`).join('');
  return zip([
    [
      '[Content_Types].xml',
      CONTENT_TYPES(
        '/word/document.xml',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      ),
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    [
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ],
  ]);
};

/** A contract template with the placeholders the contract draft fills (合同编号, parties, amount, …). */
export const CONTRACT_TEMPLATE_LINES = [
  '供水工程合同',
  '合同编号：{合同编号}',
  '工单编号：{工单编号}',
  '甲方：{甲方}',
  '乙方：{乙方}',
  '工程地点：{地址}',
  '合同金额：{金额}元',
  '签订日期：{日期}',
];
export const contractTemplate = () => wordDocument(CONTRACT_TEMPLATE_LINES);
