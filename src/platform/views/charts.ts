/** ECharts is loaded with the first chart, not at start: it takes about 0.4 s to load. */
const loadEcharts = () => import('echarts');

/** A horizontal bar chart as SVG, rendered on the server (ECharts SSR); the page puts its data table next to it. */
export async function barChartSvg(labels: string[], values: number[]): Promise<string> {
  const echarts = await loadEcharts();
  const height = 60 + labels.length * 36;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 560, height });
  chart.setOption({
    animation: false,
    grid: { left: 200, right: 40, top: 10, bottom: 30 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 190, overflow: 'truncate', color: '#171a2b' } },
    series: [{ type: 'bar', data: values, itemStyle: { color: '#1b4f8f' }, label: { show: true, position: 'right', color: '#171a2b' } }],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Two bars per category on a fixed scale (e.g. a mean before and after), as SVG rendered on the server. */
export async function pairedBarChartSvg(
  labels: string[],
  series: [{ name: string; values: number[] }, { name: string; values: number[] }],
  max: number,
  format: (value: number) => string,
): Promise<string> {
  const echarts = await loadEcharts();
  const height = 90 + labels.length * 56;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height });
  chart.setOption({
    animation: false,
    legend: { top: 0, textStyle: { color: '#171a2b' } },
    grid: { left: 240, right: 50, top: 36, bottom: 30 },
    xAxis: { type: 'value', min: 0, max, interval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 230, overflow: 'break', color: '#171a2b' } },
    series: series.map((s, i) => ({
      name: s.name,
      type: 'bar',
      data: s.values,
      itemStyle: { color: i === 0 ? '#7b8494' : '#1b4f8f' },
      label: { show: true, position: 'right', color: '#171a2b', formatter: (p: { value: number }) => format(p.value) },
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
