/**
 * Reading a document that is not valid UTF-8, decided per file:
 *
 * - **UTF-8 with a few broken bytes** (it holds valid multi-byte UTF-8 characters, at least as many as
 *   broken bytes): read as UTF-8, each broken sequence shown as `�`, so every good character (`’`, `é`,
 *   `—`) stays what it was. Reading such a file as a legacy encoding would turn each of them into mojibake.
 * - **A legacy single-byte encoding** (no valid multi-byte character at all): Windows-1251 when its
 *   non-ASCII bytes form whole words (Cyrillic), otherwise Windows-1252 (Western European, a superset of
 *   ISO-8859-1). The encoding is named in the warning.
 */

/** The text of `bytes` (not valid UTF-8, not binary) and the warning that says how it was read. */
export function decodeNonUtf8(bytes: Uint8Array): { text: string; repaired: string } {
  const { valid, broken } = countUtf8(bytes);
  if (valid > 0 && valid >= broken) {
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      repaired: `not valid UTF-8 in ${broken} place${broken === 1 ? '' : 's'}: read as UTF-8 with � where the bytes are broken; re-save it as UTF-8 to repair them`,
    };
  }
  const cyrillic = mostlyNonAsciiWords(bytes);
  return {
    text: cyrillic ? new TextDecoder('windows-1251').decode(bytes) : decodeWindows1252(bytes),
    repaired: `not valid UTF-8: read as ${cyrillic ? 'Windows-1251 (Cyrillic)' : 'Windows-1252 (Western European)'}, the encoding its bytes suggest; re-save it as UTF-8 to be sure of every character`,
  };
}

/** Windows-1252's characters for bytes 0x80–0x9F (where it differs from ISO-8859-1); C1 codes where it has none. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Windows-1252 by hand: Node's decoder of that name reads ISO-8859-1, turning the curly quotes and dashes
 * at 0x80–0x9F into invisible control characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] as string);
}

/** Valid multi-byte UTF-8 characters, and bytes that start no valid sequence. */
function countUtf8(bytes: Uint8Array): { valid: number; broken: number } {
  let valid = 0;
  let broken = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      broken++;
      i++;
    }
  }
  return { valid, broken };
}

/** Whether most non-ASCII bytes sit in runs of three or more: whole words of a non-Latin script. */
function mostlyNonAsciiWords(bytes: Uint8Array): boolean {
  let high = 0;
  let inLongRuns = 0;
  let run = 0;
  const endRun = () => {
    if (run >= 3) inLongRuns += run;
    run = 0;
  };
  for (const byte of bytes) {
    if (byte >= 0xc0) {
      high++;
      run++;
    } else {
      if (byte >= 0x80) high++;
      endRun();
    }
  }
  endRun();
  return high > 0 && inLongRuns / high > 0.5;
}
