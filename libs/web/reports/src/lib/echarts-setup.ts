import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The parts of ECharts the reports draw with (bars, lines, their grid, legend and tooltip),
 * SVG-rendered. Loaded only when a chart is shown. Screen readers read the table beside each chart,
 * so the chart itself is hidden from them.
 */
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
