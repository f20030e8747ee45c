import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a text file of unknown encoding: UTF-8 (with or without BOM), UTF-16 with a BOM
 * (Excel's "Unicode text"), else GBK as Excel saves CSV on Chinese Windows (decoded as
 * GB18030, its superset). Bytes that are valid UTF-8 are taken as UTF-8: GBK text of any
 * length almost never is.
 */
export function decodeText(bytes: Buffer): DecodedText {
  if (startsWith(bytes, UTF8_BOM)) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  if (isValidUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
}
