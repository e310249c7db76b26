/**
 * Line and column (1-based) of a JSON.parse error. V8 reports "at position N" for some errors,
 * "(line L column C)" on newer Node, and nothing at all for "Unexpected token" on Node 20; then
 * the position is found as the shortest prefix of the text that already fails for a reason
 * other than ending too early (prefixes of valid JSON only ever fail at their very end).
 */
export function jsonErrorPosition(text: string, message: string): [number, number] {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return [Number(lc[1]), Number(lc[2])];
  const at = /position (\d+)/.exec(message);
  const offset = at ? Math.min(Number(at[1]), text.length) : firstBadOffset(text);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return [before.length, before[before.length - 1].length + 1];
}

function firstBadOffset(text: string): number {
  const failsEarly = (k: number): number | null => {
    try {
      JSON.parse(text.slice(0, k));
      return null;
    } catch (e) {
      const message = (e as Error).message;
      const at = /position (\d+)/.exec(message);
      if (at) return Number(at[1]) < k ? Number(at[1]) : null;
      return /end of JSON input/.test(message) ? null : k - 1;
    }
  };
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsEarly(mid) === null) lo = mid + 1;
    else hi = mid;
  }
  return failsEarly(lo) ?? text.length;
}

/** V8's message without the position and the echo of the text. */
export function jsonReason(message: string): string {
  return message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '')
    .trim();
}
