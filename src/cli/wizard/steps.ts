import { PROMISE_TYPES } from '../../core/schema/promise.ts';
import { LANGUAGES, type Language } from '../../core/schema/text.ts';
import { fill } from '../../core/draft/text/index.ts';
import { absoluteWordIn, looksLikeFeature } from '../../core/draft/suggest.ts';
import {
  parseAssets, parseOptionalText, parseOptionalUrl, parsePromiseTypes, parseText, parseUrl, parseValues,
} from '../../core/draft/validate.ts';
import { runStep, textOf, type WizardContext } from './context.ts';
import { askMany, askSelect, askText, showKeyHints, suggest } from './prompts.ts';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', pt: 'Português', zh: '中文' };

/** Asked first and in every language, since the wizard's own words follow the answer. */
export async function askLanguage(ctx: WizardContext): Promise<void> {
  ctx.answers.language = await askSelect('Language of the promise / Idioma da promessa / 承诺的语言',
    LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] })), ctx.answers.language);
  showKeyHints(textOf(ctx).keyHints);
}

export async function askCompany(ctx: WizardContext): Promise<void> {
  await runStep(ctx, 'company', async () => {
    ctx.answers.company = await askText(textOf(ctx), { message: textOf(ctx).company, initial: ctx.answers.company, parse: parseText });
  });
}

export async function askAudience(ctx: WizardContext): Promise<void> {
  const a = ctx.answers;
  await runStep(ctx, 'audience', async () => {
    const t = textOf(ctx);
    a.audienceWho = await askText(t, { message: t.audienceWho, initial: a.audienceWho, parse: parseText });
    a.audienceNeeds = await askText(t, { message: t.audienceNeeds, initial: a.audienceNeeds, parse: parseOptionalText });
  });
}

export async function askValues(ctx: WizardContext): Promise<void> {
  await runStep(ctx, 'values', async () => {
    const t = textOf(ctx);
    ctx.answers.values = await askText(t, { message: t.values, initial: ctx.answers.values.join(', '), parse: parseValues });
  });
}

export async function askAssets(ctx: WizardContext): Promise<void> {
  await runStep(ctx, 'assets', async () => {
    const t = textOf(ctx);
    ctx.answers.uniqueAssets = await askText(t, { message: t.assets, initial: ctx.answers.uniqueAssets.join('; '), parse: parseAssets });
  });
}

export async function askPromiseTypes(ctx: WizardContext): Promise<void> {
  await runStep(ctx, 'types', async () => {
    const t = textOf(ctx);
    for (;;) {
      const picked = parsePromiseTypes(await askMany(t.promiseTypes,
        PROMISE_TYPES.map((value) => ({ value, label: t.typeLabels[value] })), ctx.answers.promiseTypes));
      if (picked.ok) {
        ctx.answers.promiseTypes = picked.value;
        return;
      }
      suggest(t.errors[picked.error]);
    }
  });
}

export async function askBenefit(ctx: WizardContext): Promise<void> {
  await runStep(ctx, 'benefit', async () => {
    const t = textOf(ctx);
    ctx.answers.benefit = await askText(t, { message: t.benefit, initial: ctx.answers.benefit, parse: parseText });
  }, () => benefitSuggestions(ctx));
}

/** Benefit phrasing instead of features; and an absolute benefit needs a remedy somewhere. */
function benefitSuggestions(ctx: WizardContext): string[] {
  const t = textOf(ctx);
  const notes: string[] = [];
  if (looksLikeFeature(ctx.answers.benefit, t)) notes.push(t.suggest.benefit);
  const word = absoluteWordIn(ctx.answers.benefit, t.absoluteWords);
  if (word && !ctx.answers.commitments.some((c) => c.remedy)) notes.push(fill(t.suggest.remedyAbsolute, { word }));
  return notes;
}

export async function askCallToAction(ctx: WizardContext): Promise<void> {
  const a = ctx.answers;
  await runStep(ctx, 'cta', async () => {
    const t = textOf(ctx);
    a.ctaText = await askText(t, { message: t.ctaText, initial: a.ctaText, parse: parseOptionalText });
    a.ctaUrl = a.ctaText ? await askText(t, { message: t.ctaUrl, initial: a.ctaUrl, placeholder: 'https://', parse: parseUrl }) : undefined;
  });
}

export async function askFeedback(ctx: WizardContext): Promise<void> {
  const a = ctx.answers;
  await runStep(ctx, 'feedback', async () => {
    const t = textOf(ctx);
    a.feedbackChannel = await askText(t, { message: t.feedbackChannel, initial: a.feedbackChannel, parse: parseOptionalText });
    a.feedbackUrl = a.feedbackChannel
      ? await askText(t, { message: t.feedbackUrl, initial: a.feedbackUrl, parse: parseOptionalUrl }) : undefined;
  });
}
