import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/report/table.js';
import { displayWidth } from '../../src/textWidth.js';

describe('renderTable', () => {
  it('lines up columns after CJK and emoji labels, measured in terminal columns', () => {
    const text = renderTable(
      [{ header: 'Agent' }, { header: 'Tickets', align: 'right' }, { header: 'CSAT', align: 'right' }],
      [
        ['王小明', '12', '80.0%'],
        ['José 🎧', '7', '71.4%'],
        ['Ann', '1,204', '90.1%'],
      ],
    );
    expect(text).toBe(
      [
        'Agent    Tickets   CSAT',
        '───────  ───────  ─────',
        '王小明        12  80.0%',
        'José 🎧        7  71.4%',
        'Ann        1,204  90.1%',
      ].join('\n'),
    );
    // Every row ends in the same terminal column, whatever its UTF-16 length.
    const widths = text.split('\n').map(displayWidth);
    expect(new Set(widths)).toEqual(new Set([23]));
  });

  it('measures the visible text of a coloured cell, not its escape codes', () => {
    const bold = (t: string, _r: number, c: number) => (c === 0 ? `\u001b[1m${t}\u001b[22m` : t);
    const text = renderTable([{ header: 'Agent' }, { header: 'n', align: 'right' }], [['王小明', '1']], bold);
    expect(text.split('\n')[2]).toBe('\u001b[1m王小明\u001b[22m  1');
  });
});
