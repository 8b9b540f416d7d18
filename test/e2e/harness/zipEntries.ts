import { inflateRawSync } from 'node:zlib';

/**
 * The files of a ZIP archive such as a `.vsix`, by name. Enough of the
 * format for what vsce writes: one disk, no ZIP64, entries stored or deflated.
 */
export function zipEntries(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1'));
  if (end < 0) {
    throw new Error('Not a ZIP archive: no end of central directory.');
  }
  const entries = new Map<string, Buffer>();
  let header = zip.readUInt32LE(end + 16);
  for (let count = zip.readUInt16LE(end + 10); count > 0; count--) {
    if (zip.readUInt32LE(header) !== 0x02014b50) {
      throw new Error(`Damaged central directory at byte ${header}.`);
    }
    const method = zip.readUInt16LE(header + 10);
    const compressedSize = zip.readUInt32LE(header + 20);
    const nameLength = zip.readUInt16LE(header + 28);
    const local = zip.readUInt32LE(header + 42);
    const name = zip.toString('utf8', header + 46, header + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressedSize);
    if (method !== 0 && method !== 8) {
      throw new Error(`${name}: compression method ${method} is not stored or deflated.`);
    }
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    header += 46 + nameLength + zip.readUInt16LE(header + 30) + zip.readUInt16LE(header + 32);
  }
  return entries;
}
