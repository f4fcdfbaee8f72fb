// Notes are UTF-8. A note whose bytes are not (Windows-1252, Latin-1, UTF-16, CESU-8, overlong
// sequences, encoded surrogates) would be decoded with U+FFFD in place of those bytes, and writing
// that text back would destroy them. So a note is only ever written when its bytes decode exactly
// and encode back to the very same bytes. Pure: bytes in, text or the first bad byte out.

export type Utf8Reading = { ok: true; text: string } | { ok: false; offset: number; byte: number };

// `fatal` refuses every ill-formed sequence (overlong forms, surrogates, code points past U+10FFFF,
// truncated sequences); `ignoreBOM` keeps a byte-order mark as text, so it is written back too.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b === 0xe0) { need = 2; min = 0xa0; }
    else if (b === 0xed) { need = 2; min = 0x80; max = 0x9f; } // no encoded surrogates (CESU-8)
    else if (b >= 0xe1 && b <= 0xef) { need = 2; min = 0x80; }
    else if (b === 0xf0) { need = 3; min = 0x90; }
    else if (b >= 0xf1 && b <= 0xf3) { need = 3; min = 0x80; }
    else if (b === 0xf4) { need = 3; min = 0x80; max = 0x8f; }
    else return i; // 0x80-0xc1 (a stray continuation, an overlong lead) or 0xf5-0xff
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** A plain loop: a callback per byte (`some`) made this check most of a 10,000-note scan's time. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The text of `bytes` when they are UTF-8 that round-trips byte for byte; else the first bad byte. */
export function decodeUtf8Exactly(bytes: Uint8Array): Utf8Reading {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    const offset = Math.max(0, firstBadByte(bytes));
    return { ok: false, offset, byte: bytes[offset] ?? 0 };
  }
  const again = encoder.encode(text);
  if (!sameBytes(again, bytes)) {
    let offset = 0;
    while (offset < bytes.length && again[offset] === bytes[offset]) offset++;
    return { ok: false, offset, byte: bytes[offset] ?? 0 };
  }
  return { ok: true, text };
}

/** The one line said about such a note (after its path): what, where, and that it is left alone. */
export function notUtf8Message(reading: { offset: number; byte: number }): string {
  const hex = reading.byte.toString(16).toUpperCase().padStart(2, '0');
  return `is not UTF-8 text (byte 0x${hex} at offset ${reading.offset}, perhaps Windows-1252, Latin-1 or UTF-16); not read, nothing written`;
}
