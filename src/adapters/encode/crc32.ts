/**
 * CRC-32 (IEEE), as PNG chunks and zip entries need it. node:zlib has one
 * from Node 20.15 on; the project supports every Node 20, so a small table
 * stands in where it is missing.
 */
import * as zlib from 'node:zlib';

let table: Uint32Array | null = null;

function tableOf(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** The CRC-32 of `data`, from node:zlib when it has one. */
export function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (typeof native === 'function') return native(data) >>> 0;
  return crc32Table(data);
}

/** The same, always from the table (tested against node:zlib). */
export function crc32Table(data: Uint8Array): number {
  const t = tableOf();
  let c = 0xffffffff;
  for (const byte of data) c = t[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
