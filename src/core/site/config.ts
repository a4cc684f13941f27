import { z } from 'zod';

/**
 * content/site.yaml (optional): how the sites publish what pledge computed. The defaults are the
 * design's: the public page shows `at-risk` as kept, because the margin (internal_target) is internal.
 */
export const siteConfigSchema = z.strictObject({
  public: z.strictObject({
    /** Show "At risk" on the public page when the public target is met but the internal one is not. */
    show_at_risk: z.boolean().default(false),
  }).default({ show_at_risk: false }),
});
export type SiteConfig = z.infer<typeof siteConfigSchema>;

export const DEFAULT_SITE_CONFIG: SiteConfig = siteConfigSchema.parse({});
