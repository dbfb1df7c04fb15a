/**
 * exceljs zips the workbook with JSZip, which stamps every entry with the current time. To make the same pack
 * byte-identical on every render, this rewrites the DOS date/time of every entry (local header and central
 * directory) to a fixed instant. It walks the zip structure from the end-of-central-directory record rather
 * than searching for signatures, so compressed data can never be mistaken for a header.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The EOCD record is 22 bytes plus an optional comment of up to 65535 bytes.
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 0xffff); offset -= 1) {
    if (zip.readUInt32LE(offset) === EOCD_SIGNATURE) return offset;
  }
  throw new Error('not a zip file: end of central directory not found');
}

/** Returns a copy of `zip` whose entries all carry `date` (UTC) as their modification time. */
export function withFixedZipDates(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, day } = dosDateTime(date);
  const eocd = findEndOfCentralDirectory(out);
  const entries = out.readUInt16LE(eocd + 10);
  let cursor = out.readUInt32LE(eocd + 16);
  for (let index = 0; index < entries; index += 1) {
    if (out.readUInt32LE(cursor) !== CENTRAL_SIGNATURE) throw new Error(`zip central directory entry ${index} is damaged`);
    out.writeUInt16LE(time, cursor + 12);
    out.writeUInt16LE(day, cursor + 14);
    const localOffset = out.readUInt32LE(cursor + 42);
    if (out.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) throw new Error(`zip local header of entry ${index} is damaged`);
    out.writeUInt16LE(time, localOffset + 10);
    out.writeUInt16LE(day, localOffset + 12);
    const nameLength = out.readUInt16LE(cursor + 28);
    const extraLength = out.readUInt16LE(cursor + 30);
    const commentLength = out.readUInt16LE(cursor + 32);
    cursor += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}
