// The shape of endoflife.date's API v1 `products/full` response, validated before any of it is used.
import { z } from 'zod';

const isoDate = z.iso.date();
const nullableDate = isoDate.nullable();

export const releaseSchema = z.object({
  name: z.string().min(1),
  codename: z.string().nullable(),
  label: z.string(),
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
  latest: z
    .object({ name: z.string(), date: nullableDate, link: z.string().nullable() })
    .nullable(),
});

export const productSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()),
  label: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  labels: z.object({
    eoas: z.string().nullable(),
    discontinued: z.string().nullable(),
    eol: z.string().nullable(),
    eoes: z.string().nullable(),
  }),
  links: z.object({ html: z.string(), releasePolicy: z.string().nullable() }),
  releases: z.array(releaseSchema),
});

export const catalogResponseSchema = z.object({
  schema_version: z.string(),
  generated_at: z.iso.datetime({ offset: true }),
  result: z.array(productSchema),
});

/** The response without looking inside its products, which are then checked a few at a time. */
export const catalogEnvelopeSchema = catalogResponseSchema.extend({ result: z.array(z.unknown()) });

export type ApiRelease = z.infer<typeof releaseSchema>;
export type ApiProduct = z.infer<typeof productSchema>;
export type CatalogResponse = z.infer<typeof catalogResponseSchema>;

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
