/**
 * The wizard's own words in one language, as data. `{name}` marks a value filled in by `fill`.
 * Each language file (en.ts, pt.ts, zh.ts) is one object of this shape, so a missing string
 * is a type error, not a blank prompt.
 */
export interface WizardText {
  intro: string;
  /** Show the prompt library's key hints ("↑/↓ to navigate"), which exist only in English. */
  keyHints: boolean;
  /** Asked by `pledge init` on a terminal. */
  initDraftNow: string;
  /** The same question after `init --blank`, where there is no example to keep. */
  initDraftBlank: string;
  editing: string;
  company: string;
  audienceWho: string;
  audienceNeeds: string;
  values: string;
  assets: string;
  promiseTypes: string;
  typeLabels: Record<'quality' | 'service' | 'delivery' | 'price' | 'innovation' | 'csr' | 'personalization' | 'communication', string>;
  benefit: string;
  commitmentsIntro: string;
  kpi: string;
  removeCommitment: string;
  /** Defining a KPI from the user's own data file, at the KPI question. */
  newKpi: {
    option: string;
    file: string;
    otherFile: string;
    path: string;
    proposal: string;
    manual: string;
    formula: string;
    column: string;
    timestamp: string;
    dateFormat: string;
    dayFirst: string;
    monthFirst: string;
    name: string;
    id: string;
    preview: string;
    noPeriods: string;
    confirm: string;
    added: string;
    noProposal: string;
  };
  target: string;
  internalTarget: string;
  period: string;
  periodLabels: Record<'week' | 'month' | 'quarter', string>;
  remedy: string;
  exceeds: string;
  exceedLabels: Record<'none' | 'time' | 'cost' | 'service', string>;
  /** The dimensions as nouns, for "you already exceed on time". */
  dimensions: Record<'time' | 'cost' | 'service', string>;
  another: string;
  ctaText: string;
  ctaUrl: string;
  feedbackChannel: string;
  feedbackUrl: string;
  previewTitle: string;
  previewAction: string;
  previewSave: string;
  previewEdit: string;
  previewRecompose: string;
  editStatement: string;
  kpiMethod: string;
  findingsTitle: string;
  fixAnswer: string;
  stepClean: string;
  saved: string;
  savedNoBackup: string;
  cancelled: string;
  fullCheck: string;
  yes: string;
  no: string;
  errors: Record<'empty' | 'html' | 'url' | 'number' | 'listEmpty' | 'chooseOne' | 'kpiEmpty', string>;
  suggest: {
    margin: string;
    marginFromData: string;
    exceedFocus: string;
    benefit: string;
    remedyAbsolute: string;
    overPromise: string;
    noMargin: string;
  };
  /** Words that make a promise absolute: it then needs a remedy. Lowercase. */
  absoluteWords: string[];
  /** Openings that describe the product ("we have", "our") rather than what the customer gains. */
  featureOpenings: string[];
  /** Words that address the customer; a benefit usually has one. */
  customerWords: string[];
}
