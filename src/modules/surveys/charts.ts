import * as echarts from 'echarts';

/** A horizontal bar chart as SVG, rendered on the server (ECharts SSR); the page puts its data table next to it. */
export function barChartSvg(labels: string[], values: number[]): string {
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
