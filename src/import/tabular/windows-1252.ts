/**
 * Windows-1252 decoding, written out rather than left to `TextDecoder('windows-1252')`: that
 * label needs Node's ICU data, and a Node built with small-icu would silently fall back or throw.
 * Bytes 0x00–0x7F and 0xA0–0xFF are the same code points as Latin-1; only 0x80–0x9F differ.
 */

/**
 * Code points for bytes 0x80–0x9F. The five bytes Windows-1252 leaves undefined (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as the WHATWG Encoding Standard does.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Decode Windows-1252 (the "ANSI" code page of Dutch Windows and what Excel's plain "CSV" export
 * writes) to a string.
 *
 * @example
 * decodeWindows1252(Uint8Array.from([0x53, 0xfa, 0x64])) // → 'Súd'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  // Node's native Latin-1 decoding is exact for all but 0x80–0x9F, which are rare in text;
  // patch those afterwards rather than building the string byte by byte.
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (ch) =>
    String.fromCharCode(HIGH[ch.charCodeAt(0) - 0x80]!),
  );
}

/**
 * Byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1 when
 * the bytes are valid UTF-8. Rejects overlong forms, surrogates and code points above U+10FFFF,
 * like a fatal `TextDecoder` does, so the two never disagree about which file is UTF-8.
 *
 * @example
 * firstInvalidUtf8(Uint8Array.from([0x61, 0xe2, 0x0a])) // → 1
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    // Only the first continuation byte has the narrowed range; the rest are plain 0x80–0xBF.
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c === undefined || c < min || c > max) return i;
    }
    i += need + 1;
  }
  return -1;
}
