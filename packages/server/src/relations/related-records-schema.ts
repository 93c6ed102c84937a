/** One related record as shown: its title and the relation's display fields. */
export const relatedDisplaySchema = {
  type: 'object',
  required: ['title', 'fields'],
  properties: {
    title: { type: ['string', 'null'], description: "The related record's title field (null when it has none)" },
    fields: { type: 'object', additionalProperties: true, description: 'The display fields of the relation, by key' },
  },
} as const;

/** `related` of a record or a list page: relation field key → related id → display values. */
export const relatedRecordsSchema = {
  type: 'object',
  description: 'Display values of the records the relation fields point at: `{ <field>: { <id>: { title, fields } } }` (live records only)',
  additionalProperties: { type: 'object', additionalProperties: relatedDisplaySchema },
} as const;

