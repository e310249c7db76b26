/**
 * Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) digits → ASCII, plus the Arabic
 * decimal and thousands separators (U+066B, U+066C) → "." and ",". Exports from systems set to
 * Persian or Arabic locales write amounts and dates with these digits.
 *
 *   asciiDigits('۱۲۳٫۵') === '123.5'
 */
export function asciiDigits(text: string): string {
  if (!NON_ASCII_DIGIT.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0x06f0 && c <= 0x06f9) out += String.fromCharCode(48 + c - 0x06f0);
    else if (c >= 0x0660 && c <= 0x0669) out += String.fromCharCode(48 + c - 0x0660);
    else if (c === 0x066b) out += '.';
    else if (c === 0x066c) out += ',';
    else out += ch;
  }
  return out;
}

const NON_ASCII_DIGIT = /[\u0660-\u066c\u06f0-\u06f9]/;
