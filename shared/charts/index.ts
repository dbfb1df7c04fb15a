/** ECharts option builders shared by the UI and the exporters (pure functions, animation off). */
export { revenueTrendOption, type RevenueTrendInput } from './revenue-trend';
export { revenueByChannelOption, type ChannelRevenue } from './revenue-by-channel';
export { agingOption, type AgingBucket } from './aging';
export { kpiSparklineOption } from './kpi-sparkline';
export { pipelineByStageOption, type PipelineStage } from './pipeline-by-stage';
export { CHART_COLORS, SERIES_COLORS, CHART_TEXT_STYLE } from './palette';
