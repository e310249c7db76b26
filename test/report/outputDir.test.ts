import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, writeOwnedDir } from '../../src/report/outputDir.js';
import { isReportFile } from '../../src/report/reportFiles.js';

const dir = () => mkdtempSync(join(tmpdir(), 'loyalty-owned-'));
const files = (...names: string[]) => names.map((name) => ({ name, content: `new ${name}` }));
const manifest = (out: string) => JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')).files as string[];
// A process id no process has (Linux pids stay below 2^22).
const DEAD_PID = 4_194_305;

describe('an output folder shared with the user', () => {
  it('lists what it wrote in the manifest', async () => {
    const out = dir();
    await writeOwnedDir(out, files('report.md', 'cohorts.svg'));
    expect(manifest(out)).toEqual(['cohorts.svg', 'report.md']);
  });

  it("never removes a file it did not write, even one named like a chart (the user's csat-by-reason.png)", async () => {
    const out = dir();
    writeFileSync(join(out, 'csat-by-reason.png'), 'mine');
    const { removed } = await writeOwnedDir(out, files('report.md', 'cohorts.svg'), { ours: isReportFile });
    expect(removed).toEqual([]);
    expect(readFileSync(join(out, 'csat-by-reason.png'), 'utf8')).toBe('mine');
  });

  it('removes the files of its earlier run that this run does not write, and only those', async () => {
    const out = dir();
    await writeOwnedDir(out, files('report.md', 'cohorts.svg', 'cohorts.png'), { ours: isReportFile });
    writeFileSync(join(out, 'csat-by-hour.png'), 'mine');
    const { removed } = await writeOwnedDir(out, files('report.md', 'cohorts.svg'), { ours: isReportFile });
    expect(removed).toEqual(['cohorts.png']);
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'cohorts.svg', 'csat-by-hour.png', 'report.md']);
    expect(manifest(out)).toEqual(['cohorts.svg', 'report.md']);
  });

  it('refuses to replace a file it did not write, before writing anything (exit 73)', async () => {
    const out = dir();
    writeFileSync(join(out, 'report.md'), 'my notes');
    await expect(writeOwnedDir(out, files('report.md', 'cohorts.svg'))).rejects.toMatchObject({ exitCode: 73, message: expect.stringContaining('already holds report.md, which loyalty did not write') });
    expect(readdirSync(out).sort()).toEqual(['report.md']);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('my notes');
  });

  it('sweeps the temporaries of a killed run for its own names, and no others', async () => {
    const out = dir();
    await writeOwnedDir(out, files('report.md'));
    for (const name of [`.report.md.tmp-${DEAD_PID}`, `.cohorts.svg.tmp-${DEAD_PID}`, `.${MANIFEST}.tmp-${DEAD_PID}`, `.notes.md.tmp-${DEAD_PID}`, `.report.md.tmp-${process.ppid}`]) {
      writeFileSync(join(out, name), 'partial');
    }
    await writeOwnedDir(out, files('report.md', 'cohorts.svg'));
    // The parent's (a running process) and the user's own hidden file stay.
    expect(readdirSync(out).sort()).toEqual([`.notes.md.tmp-${DEAD_PID}`, MANIFEST, `.report.md.tmp-${process.ppid}`, 'cohorts.svg', 'report.md'].sort());
  });

  it('refuses a manifest that is not one, rather than guessing what to remove', async () => {
    const out = dir();
    writeFileSync(join(out, MANIFEST), '{"files": ["../etc/passwd"]}');
    await expect(writeOwnedDir(out, files('report.md'))).rejects.toMatchObject({ exitCode: 73 });
  });
});
