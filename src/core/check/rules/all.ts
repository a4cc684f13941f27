// Every rule, one line each: to add one, write rules/<rule-id>.ts (default export via defineRule) and
// append its line here. tests/check/registry.test.ts fails when a rule file is missing from this list.
export { default as absoluteClaim } from './absolute-claim.ts';
export { default as audienceMissing } from './audience-missing.ts';
export { default as conflictingCommitments } from './conflicting-commitments.ts';
export { default as ctaMissing } from './cta-missing.ts';
export { default as featuresNotBenefits } from './features-not-benefits.ts';
export { default as feedbackMissing } from './feedback-missing.ts';
export { default as hardToRead } from './hard-to-read.ts';
export { default as jargon } from './jargon.ts';
export { default as kpiUnknown } from './kpi-unknown.ts';
export { default as noEmotion } from './no-emotion.ts';
export { default as noMargin } from './no-margin.ts';
export { default as notMeasurable } from './not-measurable.ts';
export { default as notTimeBound } from './not-time-bound.ts';
export { default as promiseBroken } from './promise-broken.ts';
export { default as sentenceTooLong } from './sentence-too-long.ts';
export { default as tooLong } from './too-long.ts';
export { default as uniqueAssetMissing } from './unique-asset-missing.ts';
export { default as unrealisticTarget } from './unrealistic-target.ts';
export { default as unfocusedExceed } from './unfocused-exceed.ts';
export { default as valuesNotReflected } from './values-not-reflected.ts';
export { default as vagueClaim } from './vague-claim.ts';
export { default as dataStale } from './data-stale.ts';
export { default as dataUnreadable } from './data-unreadable.ts';
export { default as noData } from './no-data.ts';
export { default as sampleTooSmall } from './sample-too-small.ts';
