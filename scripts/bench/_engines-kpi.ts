/** The KPI the engines benchmark computes both ways: on-time delivery by month and region. */
export const BENCH_KPI = {
  id: 'on_time', name: 'On time', formula: 'on_time_rate', columns: { done: 'delivered_at', promised: 'promised_at' },
  timestamp: 'promised_at', period: 'month', segment_by: ['region'], min_sample: 30, unit: '%', better: 'higher', method: 'Bench.',
};
