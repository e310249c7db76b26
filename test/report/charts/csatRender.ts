import { View, parse } from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

/**
 * Compiles a Vega-Lite spec and renders it headlessly to SVG, collecting every warning and
 * error that vega-lite or vega logs along the way.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<{ svg: string; messages: string[] }> {
  const messages: string[] = [];
  const logger = collectingLogger(messages);
  const compiled = vl.compile(spec, { logger }).spec;
  const view = new View(parse(compiled), { renderer: 'none', logger, logLevel: 2 });
  const svg = await view.toSVG();
  view.finalize();
  return { svg, messages };
}

function collectingLogger(messages: string[]) {
  let level = 2; // vega's Warn
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      messages.push(`error: ${args.map(String).join(' ')}`);
      return logger;
    },
    warn(...args: unknown[]) {
      messages.push(`warn: ${args.map(String).join(' ')}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}
