// The commitments as an Astro content collection, checked against the core's zod schema. The public
// build is given only the public view model, so this collection cannot hold anything internal.
import { defineCollection } from 'astro:content';
import view from 'virtual:pledge/view';
import { commitmentViewSchema } from '../../core/site/collections.ts';

const commitments = defineCollection({
  loader: () => view.commitments,
  schema: commitmentViewSchema,
});

export const collections = { commitments };
