// The coverage chart: per service item, the materials that need no paper and, by reason, those that still do. ECharts
// with only the parts used (bar chart, grid, tooltip, legend; SVG renderer). The table beside it says the same in words.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

export interface CoverageSeries {
  name: string;
  colour: string;
  values: number[];
}

export function CoverageChart({ items, series, label }: { items: string[]; series: CoverageSeries[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, undefined, { renderer: 'svg' });
    const option: Option = {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: items, axisLabel: { width: 160, overflow: 'truncate' } },
      series: series.map((s) => ({ type: 'bar', stack: 'materials', name: s.name, data: s.values, itemStyle: { color: s.colour }, label: { show: true, formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : '') } })),
    };
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [items, series]);
  return (
    <div role="img" aria-label={label}>
      <div ref={ref} style={{ width: '100%', height: Math.max(160, 48 * items.length + 60) }} />
    </div>
  );
}
