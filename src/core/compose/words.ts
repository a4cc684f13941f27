import type { Language, Period } from '../schema/text.ts';
import type { Target } from '../schema/promise.ts';

/** Grammar the templates need but cannot express: how each language says a comparison, a period, a unit. */
interface Words {
  comparison: Record<Target['comparison'], string>;
  period: Record<Period, string>;
  /** Units written straight after the number, without a space. */
  tightUnits: string[];
  /** What closes a sentence the user left open. */
  fullStop: string;
}

export const WORDS: Record<Language, Words> = {
  en: {
    comparison: { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' },
    period: { week: 'every week', month: 'every month', quarter: 'every quarter' },
    tightUnits: ['%'],
    fullStop: '.',
  },
  pt: {
    comparison: { '>=': 'pelo menos', '<=': 'no máximo', '>': 'mais de', '<': 'menos de' },
    period: { week: 'a cada semana', month: 'a cada mês', quarter: 'a cada trimestre' },
    tightUnits: ['%'],
    fullStop: '.',
  },
  zh: {
    comparison: { '>=': '不低于', '<=': '不超过', '>': '高于', '<': '低于' },
    period: { week: '每周', month: '每月', quarter: '每季度' },
    // Chinese writes every unit straight after the number: 4小时, 95%.
    tightUnits: [],
    fullStop: '。',
  },
};

/** Already ends a sentence, maybe inside closing quotes or brackets: "We reply.", "快！", "(see below.)". */
const SENTENCE_END = /[.!?…。！？][)"'”’」』）]*$/u;

/** The full stop a text needs to end a sentence: none when it has one. */
export function closingStop(text: string, language: Language): string {
  return SENTENCE_END.test(text.trimEnd()) ? '' : WORDS[language].fullStop;
}

/** " hours" or "%": the unit as it follows the number. */
export function unitText(language: Language, unit: string | undefined): string | undefined {
  if (!unit) return undefined;
  const tight = language === 'zh' || WORDS[language].tightUnits.includes(unit);
  return tight ? unit : ` ${unit}`;
}
