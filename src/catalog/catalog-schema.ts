// The shape of endoflife.date's API v1 `products/full` response, validated before any of it is used.
import { z } from 'zod';

// Limits far above today's catalogue (464 products, 437 releases at most in one, 8,351 in all), so a
// real catalogue never meets them and an absurd answer is refused instead of filling memory.
const MAX_PRODUCTS = 5_000;
const MAX_RELEASES_PER_PRODUCT = 5_000;
const MAX_NAMES = 200;
const MAX_TEXT = 2_000;
const text = z.string().max(MAX_TEXT);

const isoDate = z.iso.date();
const nullableDate = isoDate.nullable();

const releaseSchema = z.object({
  name: text.min(1),
  codename: text.nullable(),
  label: text,
  releaseDate: isoDate,
  isLts: z.boolean(),
  ltsFrom: nullableDate,
  isEoas: z.boolean().nullable().optional(),
  eoasFrom: nullableDate.optional(),
  isEol: z.boolean().nullable(),
  eolFrom: nullableDate,
  isDiscontinued: z.boolean().nullable().optional(),
  discontinuedFrom: nullableDate.optional(),
  isEoes: z.boolean().nullable().optional(),
  eoesFrom: nullableDate.optional(),
  isMaintained: z.boolean(),
  latest: z.object({ name: text, date: nullableDate, link: text.nullable() }).nullable(),
});

export const productSchema = z.object({
  name: text.min(1),
  aliases: z.array(text).max(MAX_NAMES),
  label: text,
  category: text,
  tags: z.array(text).max(MAX_NAMES),
  labels: z.object({
    eoas: text.nullable(),
    discontinued: text.nullable(),
    eol: text.nullable(),
    eoes: text.nullable(),
  }),
  links: z.object({ html: text, releasePolicy: text.nullable() }),
  releases: z.array(releaseSchema).max(MAX_RELEASES_PER_PRODUCT),
});

export const catalogResponseSchema = z.object({
  schema_version: text,
  generated_at: z.iso.datetime({ offset: true }),
  result: z.array(productSchema).max(MAX_PRODUCTS),
});

/** The response without looking inside its products, which are then checked a few at a time. */
export const catalogEnvelopeSchema = catalogResponseSchema.extend({ result: z.array(z.unknown()).max(MAX_PRODUCTS) });

export type ApiRelease = z.infer<typeof releaseSchema>;
export type ApiProduct = z.infer<typeof productSchema>;

export const supplementsSchema = z.object({
  supplements: z.array(
    z.object({
      product: z.string(),
      release: z.string(),
      phase: z.object({
        key: z.string(),
        label: z.string().optional(),
        end: isoDate,
      }),
      source: z.url(),
      note: z.string(),
    }),
  ),
});

export type Supplements = z.infer<typeof supplementsSchema>;
