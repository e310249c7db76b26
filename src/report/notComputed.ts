/**
 * The sections a report could not compute from its inputs, each with the sentence that says
 * why (e.g. drivers need ticket rows, which an engine or an exported table does not return).
 * report.md and report.html print the sentence where the section would be; summary.json
 * keeps the section null and the sentence under report.notComputed.
 */
export type NotComputed = Partial<Record<'cohort' | 'slices' | 'drivers' | 'prevention' | 'trends', string>>;
