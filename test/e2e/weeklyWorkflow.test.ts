import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, tempDir } from './cli.js';

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  if?: string;
}

const workflow = parse(readFileSync('examples/weekly-report.yml', 'utf8')) as {
  on: { schedule: { cron: string }[] };
  jobs: { report: { steps: Step[] } };
};
const steps = workflow.jobs.report.steps;
const reportStep = steps.find((s) => s.run?.includes('loyalty report'))!;

/** The shell words of a one-line command: double quotes group, $NAME expands from `env`. */
function shellWords(command: string, env: Record<string, string>): string[] {
  const words: string[] = [];
  for (const m of command.matchAll(/"([^"]*)"|(\S+)/g)) {
    const word = m[1] ?? m[2];
    words.push(word.replace(/\$([A-Z_]+)/g, (_all, name: string) => env[name] ?? ''));
  }
  return words;
}

describe('examples/weekly-report.yml', () => {
  it('is a workflow that runs on Mondays: checkout, Node 20, npm ci, the report, the upload', () => {
    expect(workflow.on.schedule[0].cron).toBe('0 6 * * 1');
    expect(steps.map((s) => s.uses?.split('@')[0] ?? s.run?.split(' ').slice(0, 3).join(' '))).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'npm ci',
      'npx loyalty report',
      'actions/upload-artifact',
    ]);
    expect(steps[1].with?.['node-version']).toBe(20);
    const upload = steps[4];
    expect([upload.if, upload.with?.path]).toEqual(['always()', 'reports/']);
  });

  it('runs its command line on the fixtures and writes the week’s report under reports/', async () => {
    const words = shellWords(reportStep.run!, reportStep.env ?? {});
    expect(words.slice(0, 3)).toEqual(['npx', 'loyalty', 'report']);
    const cwd = tempDir();
    const args = words.slice(2).map((w) => (w === 'reports/' ? `${cwd}/reports/` : w));
    const { code, err } = await runCli(args, cwd);
    expect(err).not.toContain('error');
    expect([0, 1]).toContain(code);
    const weeks = readdirSync(join(cwd, 'reports'));
    expect(weeks).toHaveLength(1);
    expect(weeks[0]).toMatch(/^\d{4}-W\d{2}$/);
    expect(readdirSync(join(cwd, 'reports', weeks[0]))).toContain('cohorts.png');
  });

  it('on the fixtures\' last full week (as of 2014-04-28) reports 2014-W17 against W16 and every check passes', async () => {
    const words = shellWords(reportStep.run!, reportStep.env ?? {});
    const cwd = tempDir();
    const args = [...words.slice(2).map((w) => (w === 'reports/' ? `${cwd}/reports/` : w)), '--as-of', '2014-04-28'];
    const { code, err } = await runCli(args, cwd);
    expect(code).toBe(0);
    expect(err).toContain('check csat-drop>5pt passed: CSAT rose 2.6 points (64.0% → 66.6%; not significant, p = 0.48)');
    expect(err).toContain('check unresolved-share>20% passed: 12.9% of cohort members were left unresolved (129 of 1,000)');
    expect(err).toContain('check skipped-rows>1% passed');
    const md = readFileSync(join(cwd, 'reports', '2014-W17', 'report.md'), 'utf8');
    expect(md).toContain('## This week: 2014-W17 vs 2014-W16');
    expect(md).toContain('| order status | 87 | 82 | +5 | +6% |');
  });
});
