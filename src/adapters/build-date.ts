/** SOURCE_DATE_EPOCH (seconds) when set, so two builds of the same inputs are byte-identical; else now. */
export function buildDate(env: NodeJS.ProcessEnv): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date()).toISOString();
}
