import type { Language, Period } from '../schema/text.ts';

/** Every word the pages show that does not come from the user's files, per language. */
export interface UiStrings {
  ourPromise: string;
  ourCommitments: string;
  atAGlance: string;
  target: string;
  latest: string;
  status: { kept: string; 'at-risk': string; broken: string; 'no-data': string };
  streak: (kept: number, of: number, period: Period) => string;
  history: string;
  period: string;
  value: string;
  howWeMeasure: string;
  ifWeMiss: string;
  dataAsOf: string;
  notEnoughData: string;
  feedbackTitle: string;
  comparison: { '>=': string; '<=': string; '>': string; '<': string };
  every: { week: string; month: string; quarter: string };
  chartLabel: (name: string) => string;
  published: string;
  /** Between the target and how often it is measured. */
  separator: string;
}

const en: UiStrings = {
  ourPromise: 'Our promise',
  ourCommitments: 'What we commit to, and how we did',
  atAGlance: 'At a glance',
  target: 'Our target',
  latest: 'Latest result',
  status: { kept: 'Kept', 'at-risk': 'At risk', broken: 'Broken', 'no-data': 'Not enough data' },
  streak: (kept, of, period) => `Kept in ${kept} of the last ${of} ${({ week: 'weeks', month: 'months', quarter: 'quarters' })[period]}`,
  history: 'History',
  period: 'Period',
  value: 'Result',
  howWeMeasure: 'How we measure this',
  ifWeMiss: 'If we miss it',
  dataAsOf: 'Figures up to',
  notEnoughData: 'not enough data',
  feedbackTitle: 'Tell us how we are doing',
  comparison: { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' },
  every: { week: 'every week', month: 'every month', quarter: 'every quarter' },
  chartLabel: (name) => `${name}: result per period, with the target as a dashed line. The same figures are in the table.`,
  published: 'Published with pledge',
  separator: ', ',
};

const pt: UiStrings = {
  ourPromise: 'A nossa promessa',
  ourCommitments: 'O que prometemos, e como cumprimos',
  atAGlance: 'Em resumo',
  target: 'A nossa meta',
  latest: 'Último resultado',
  status: { kept: 'Cumprida', 'at-risk': 'Em risco', broken: 'Não cumprida', 'no-data': 'Dados insuficientes' },
  streak: (kept, of, period) => `Cumprida em ${kept} ${({ week: 'das últimas', month: 'dos últimos', quarter: 'dos últimos' })[period]} ${of} ${({ week: 'semanas', month: 'meses', quarter: 'trimestres' })[period]}`,
  history: 'Histórico',
  period: 'Período',
  value: 'Resultado',
  howWeMeasure: 'Como medimos',
  ifWeMiss: 'Se falharmos',
  dataAsOf: 'Dados até',
  notEnoughData: 'dados insuficientes',
  feedbackTitle: 'Diga-nos como estamos a ir',
  comparison: { '>=': 'pelo menos', '<=': 'no máximo', '>': 'mais de', '<': 'menos de' },
  every: { week: 'todas as semanas', month: 'todos os meses', quarter: 'todos os trimestres' },
  chartLabel: (name) => `${name}: resultado por período, com a meta a tracejado. Os mesmos valores estão na tabela.`,
  published: 'Publicado com pledge',
  separator: ', ',
};

const zh: UiStrings = {
  ourPromise: '我们的承诺',
  ourCommitments: '我们的承诺与兑现情况',
  atAGlance: '概览',
  target: '目标',
  latest: '最新结果',
  status: { kept: '已兑现', 'at-risk': '有风险', broken: '未兑现', 'no-data': '数据不足' },
  streak: (kept, of, period) => `最近 ${of} ${({ week: '周', month: '个月', quarter: '个季度' })[period]}中兑现 ${kept} 次`,
  history: '历史',
  period: '周期',
  value: '结果',
  howWeMeasure: '我们如何衡量',
  ifWeMiss: '如未做到',
  dataAsOf: '数据截至',
  notEnoughData: '数据不足',
  feedbackTitle: '告诉我们您的意见',
  comparison: { '>=': '至少', '<=': '至多', '>': '超过', '<': '少于' },
  every: { week: '每周', month: '每月', quarter: '每季度' },
  chartLabel: (name) => `${name}：每个周期的结果，虚线为目标。表格中有相同的数据。`,
  published: '由 pledge 发布',
  separator: '，',
};

export const UI_STRINGS: Record<Language, UiStrings> = { en, pt, zh };

/** BCP 47 locale for number and date formatting. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', pt: 'pt-PT', zh: 'zh-CN' };
