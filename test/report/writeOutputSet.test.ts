import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputSet, type WriteIo } from '../../src/report/write.js';

const dir = () => mkdtempSync(join(tmpdir(), 'loyalty-write-'));

describe('writeOutputSet', () => {
  it('renames the named documents last, after every chart they link to', async () => {
    const out = dir();
    const renamed: string[] = [];
    const io: WriteIo = { writeFile, rename: async (from, to) => (renamed.push(to.slice(out.length + 1)), rename(from, to)) };
    const files = ['report.md', 'b.svg', 'summary.json', 'a.svg'].map((name) => ({ name, content: name }));
    await writeOutputSet(out, files, ['summary.json', 'report.md'], io);
    expect(renamed).toEqual(['a.svg', 'b.svg', 'summary.json', 'report.md']);
    expect(readdirSync(out).sort()).toEqual(['a.svg', 'b.svg', 'report.md', 'summary.json']);
  });

  it('leaves the previous files whole and no temporary behind when a write fails midway', async () => {
    const out = dir();
    writeFileSync(join(out, 'a.svg'), 'old a');
    writeFileSync(join(out, 'report.md'), 'old report');
    let writes = 0;
    const io: WriteIo = {
      writeFile: async (path, content) => {
        if (++writes === 2) throw new Error('ENOSPC: no space left on device');
        await writeFile(path, content);
      },
      rename,
    };
    const files = [{ name: 'a.svg', content: 'new a' }, { name: 'b.svg', content: 'new b' }, { name: 'report.md', content: 'new report' }];
    await expect(writeOutputSet(out, files, ['report.md'], io)).rejects.toThrow('ENOSPC');
    expect(readFileSync(join(out, 'a.svg'), 'utf8')).toBe('old a');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('old report');
    expect(readdirSync(out).sort()).toEqual(['a.svg', 'report.md']);
  });
});
