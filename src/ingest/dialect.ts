/**
 * Guesses how a delimited text file is written from its first lines: the field delimiter
 * (comma, semicolon, tab or pipe) and the line ending. Quoted text is skipped, so a comma
 * inside "Smith, Ann" does not vote.
 *
 * The delimiter is the candidate that appears in the header line and splits the most of the
 * following lines into the same number of fields as the header; ties go to the one that makes
 * more fields, then to the order , ; tab |.
 *
 *   sniffDialect('a;b;c\r\n1;2,5;3\r\n') → { delimiter: ';', lineEnding: '\r\n' }
 */
export interface Dialect {
  delimiter: ',' | ';' | '\t' | '|';
  lineEnding: '\n' | '\r\n' | '\r';
}

const CANDIDATES = [',', ';', '\t', '|'] as const;
const SAMPLE_LINES = 30;

export function sniffDialect(sample: string): Dialect {
  const counts: number[][] = [];
  let current = [0, 0, 0, 0];
  let inQuotes = false;
  let lineEnding: Dialect['lineEnding'] | null = null;
  for (let i = 0; i < sample.length && counts.length < SAMPLE_LINES; i++) {
    const c = sample[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === '\n' || c === '\r') {
      if (lineEnding === null) lineEnding = c === '\n' ? '\n' : sample[i + 1] === '\n' ? '\r\n' : '\r';
      if (c === '\r' && sample[i + 1] === '\n') i++;
      counts.push(current);
      current = [0, 0, 0, 0];
    } else {
      const k = CANDIDATES.indexOf(c as Dialect['delimiter']);
      if (k >= 0) current[k]++;
    }
  }
  if (counts.length < SAMPLE_LINES && current.some((n) => n > 0)) counts.push(current);
  const lines = counts.filter((line) => line.some((n) => n > 0));
  let best = 0;
  let bestScore = -1;
  for (let k = 0; k < CANDIDATES.length; k++) {
    const header = lines.length > 0 ? lines[0][k] : 0;
    if (header === 0) continue;
    const consistent = lines.filter((line) => line[k] === header).length;
    const score = consistent * 1000 + Math.min(header, 999);
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return { delimiter: CANDIDATES[best], lineEnding: lineEnding ?? '\n' };
}
