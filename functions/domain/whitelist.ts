import * as z from 'zod';

type Def = Record<string, unknown> & { type: string };
type Schema = z.ZodType & { clone(def: Def): z.ZodType };

const made = new WeakMap<z.ZodType, z.ZodType>();

const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;

/** The same schema with its children (by their place in the definition) made strict too. */
const withChildren = (schema: Schema, def: Def): z.ZodType => {
  const strict = (child: unknown) => whitelist(child as z.ZodType);
  switch (def.type) {
    case 'object':
      return schema.clone({
        ...def,
        shape: Object.fromEntries(
          Object.entries(def.shape as Record<string, z.ZodType>).map(([k, v]) => [k, strict(v)]),
        ),
        catchall: z.never(),
      });
    case 'array':
      return schema.clone({ ...def, element: strict(def.element) });
    case 'union':
      return schema.clone({ ...def, options: (def.options as z.ZodType[]).map(strict) });
    case 'intersection':
      return schema.clone({ ...def, left: strict(def.left), right: strict(def.right) });
    case 'record':
      return schema.clone({ ...def, valueType: strict(def.valueType) });
    case 'tuple':
      return schema.clone({
        ...def,
        items: (def.items as z.ZodType[]).map(strict),
        rest: def.rest && strict(def.rest),
      });
    case 'pipe':
      return schema.clone({ ...def, in: strict(def.in), out: strict(def.out) });
    case 'lazy': {
      // zod caches a lazy schema's inner schema on its definition: the copy must make its own, not inherit that one.
      const { _cachedInner: _inner, getter, ...rest } = def as Def & { getter: () => z.ZodType };
      return schema.clone({ ...rest, getter: () => whitelist(getter()) });
    }
    default:
      return 'innerType' in def ? schema.clone({ ...def, innerType: strict(def.innerType) }) : schema;
  }
};

/**
 * A schema as a whitelist: every object in it strict, however deep. Both ways across the API: an answer that carries
 * a field the contract does not name breaks the contract (the end-to-end tests' check, and Prism's reading of the
 * OpenAPI document, where it is `additionalProperties: false`), and a request that sends one is refused with a 400
 * naming it rather than having it dropped unsaid (every route's body, and each product of a bulk upsert). The domain's
 * own schemas stay as they are: the store parses records with them, and a stored record may carry attributes a view
 * never shows.
 *
 * Each schema is made once (the same answer for the same schema), so the OpenAPI document's components still match
 * the routes' schemas by identity; descriptions are kept.
 */
export const whitelist = <S extends z.ZodType>(schema: S): S => {
  const known = made.get(schema);
  if (known) return known as S;
  // A lazy schema may refer to itself: its getter runs later, once this schema is recorded.
  const strict = withChildren(schema as unknown as Schema, defOf(schema));
  made.set(schema, strict);
  made.set(strict, strict);
  const { id: _id, ...meta } = z.globalRegistry.get(schema) ?? {};
  if (strict !== schema && Object.keys(meta).length > 0) z.globalRegistry.add(strict, meta);
  return strict as S;
};
