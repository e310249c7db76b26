/**
 * The frame the adjusted comparison's charts share: title block, size, padding and config
 * (Inter, no grid, legend below), around their own data and layers.
 */
export function lineChartFrame(size: number, title: string, subtitle: string | string[], width: number, height: number) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle, anchor: 'start', fontSize: Math.round(size * 1.45), subtitleFontSize: size, subtitleColor: '#555555' },
    width,
    height,
    autosize: { type: 'fit', contains: 'padding' },
    padding: Math.round(size * 0.9),
    config: {
      font: 'Inter, Helvetica, Arial, sans-serif',
      axis: { labelFontSize: size, titleFontSize: size, grid: false },
      legend: { labelFontSize: size, orient: 'bottom' },
      view: { stroke: null },
    },
  } as const;
}
