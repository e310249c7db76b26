import { DataError, UsageError } from '../errors.js';
import type { Preset, Role } from './presets/preset.js';
import { closestHeader, headerKey, type HeaderIndex } from './headers.js';

/**
 * Which source column feeds each canonical column. Precedence: an explicit --map entry, then the
 * format's (preset's) candidate headers in order, then a header named like the canonical column.
 */
export interface ColumnMapping {
  /** Preset name or 'canonical'. */
  format: string;
  preset: Preset | null;
  /** Canonical column (or a preset's extra field) → position in the record. */
  positions: Map<string, number>;
  /** Canonical column → the source header it is read from. */
  sources: Record<string, string>;
}

/**
 * 'auto' picks the preset for this role whose signature headers are all present, the most
 * specific (longest signature) first; none → the canonical format.
 */
export function resolveFormat(role: Role, requested: string, index: HeaderIndex, presets: readonly Preset[]): Preset | null {
  const mine = presets.filter((p) => p.role === role);
  const wanted = requested.trim().toLowerCase();
  if (wanted === 'auto' || wanted === '') {
    let best: Preset | null = null;
    for (const p of mine) {
      const matches = p.signature.every((h) => index.positions.has(headerKey(h)));
      if (matches && p.signature.length > 0 && (best === null || p.signature.length > best.signature.length)) best = p;
    }
    return best;
  }
  if (wanted === 'canonical') return null;
  const named = mine.find((p) => p.name.toLowerCase() === wanted);
  if (named) return named;
  const names = ['auto', 'canonical', ...mine.map((p) => p.name)].join(', ');
  throw new UsageError(`--${role}-format "${requested}" is not a known ${role} format; use one of: ${names}.`);
}

export function mapColumns(
  role: Role,
  columns: readonly string[],
  required: readonly string[],
  index: HeaderIndex,
  preset: Preset | null,
  map: Record<string, string>,
  file: string,
): ColumnMapping {
  const positions = new Map<string, number>();
  const sources: Record<string, string> = {};
  const use = (column: string, position: number) => {
    positions.set(column, position);
    sources[column] = index.headers[position];
  };
  for (const [key, header] of Object.entries(map)) {
    const [mapRole, column] = key.split('.');
    if (mapRole !== role) continue;
    if (!columns.includes(column)) {
      throw new UsageError(`--map ${key}: "${column}" is not one of the ${role} columns; use one of: ${columns.join(', ')}.`);
    }
    const position = index.positions.get(headerKey(header));
    if (position === undefined) {
      throw new DataError(
        `${file}: --map ${key}="${header}" names a header that is not in the file (headers found: ${index.headers.join(', ')}); use one of those.`,
      );
    }
    use(column, position);
  }
  for (const column of columns) {
    if (positions.has(column)) continue;
    const candidates = [...(preset?.columns[column as keyof Preset['columns']] ?? []), column];
    for (const header of candidates) {
      const position = index.positions.get(headerKey(header));
      if (position !== undefined) {
        use(column, position);
        break;
      }
    }
  }
  for (const [name, candidates] of Object.entries(preset?.extra ?? {})) {
    for (const header of candidates) {
      const position = index.positions.get(headerKey(header));
      if (position !== undefined) {
        positions.set(name, position);
        break;
      }
    }
  }
  assertOneRolePerColumn(role, positions, sources, map);
  const missing = required.filter((c) => !positions.has(c));
  if (missing.length > 0) throw missingColumns(role, missing, index, new Set(Object.values(sources)), file, preset);
  return { format: preset?.name ?? 'canonical', preset, positions, sources };
}

/**
 * A --map that points a column at a header another column is also read from (by --map or by
 * its name) would read one column as two roles, an amount as a customer say: a usage error.
 */
function assertOneRolePerColumn(role: Role, positions: Map<string, number>, sources: Record<string, string>, map: Record<string, string>): void {
  const byPosition = new Map<number, string[]>();
  for (const [column, position] of positions) {
    if (!(column in sources)) continue; // a preset's extra field, not a role
    byPosition.set(position, [...(byPosition.get(position) ?? []), column]);
  }
  for (const columns of byPosition.values()) {
    const mapped = columns.filter((c) => `${role}.${c}` in map);
    if (columns.length < 2 || mapped.length === 0) continue;
    const header = sources[columns[0]];
    throw new UsageError(
      `--map ${mapped.map((c) => `${role}.${c}="${map[`${role}.${c}`]}"`).join(' ')}: column "${header}" would be read as both ${columns.join(' and ')}; map each of them to a column of its own.`,
    );
  }
}

function missingColumns(
  role: Role,
  missing: string[],
  index: HeaderIndex,
  taken: Set<string>,
  file: string,
  preset: Preset | null,
): DataError {
  const maps = missing.map((column) => {
    const guess = closestHeader(column, index.headers, taken) ?? '<header>';
    taken.add(guess);
    return `--map ${role}.${column}="${guess}"`;
  });
  const what = missing.length === 1 ? `no ${missing[0]} column` : `no ${missing.join(' or ')} columns`;
  const format = preset ? ` for the ${preset.label} format` : '';
  const found = index.headers.filter((h) => h !== '').join(', ') || 'none';
  return new DataError(`${file}: ${what}${format} (headers found: ${found}); add ${maps.join(' ')} to say which header holds it.`);
}

/** "order_date" or, when read from another header, 'order_date ("Created at")', for messages. */
export function columnLabel(column: string, sources: Record<string, string>): string {
  const source = sources[column];
  return source && source !== column ? `${column} ("${source}")` : column;
}
