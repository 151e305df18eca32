import * as z from 'zod';
import { listedOnce } from './listed-once.ts';
import { singleLine } from './text.ts';

/**
 * A postal address as order documents carry it: cXML, UBL and X12 each have a name, street lines, city, postal code,
 * region and country, so an address is kept in those parts rather than as a block of text.
 */
export const addressSchema = z.strictObject({
  name: singleLine(120),
  line1: singleLine(120),
  line2: singleLine(120).optional(),
  postalCode: singleLine(20),
  city: singleLine(60),
  /** A state, province or county, as the post writes it (`CA`, `Bayern`). */
  region: singleLine(60).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as US or DE'),
});
export type Address = z.infer<typeof addressSchema>;

export const shipToId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and - (1–40)');

export const shipToSchema = addressSchema.extend({ shipToId });
export type ShipTo = z.infer<typeof shipToSchema>;

/** Where a company is invoiced, and the places it has goods delivered to (the first is where an RFQ ships by default). */
export const companyAddressesSchema = z.strictObject({
  billTo: addressSchema,
  shipTo: z
    .array(shipToSchema)
    .min(1)
    .max(50)
    .superRefine(listedOnce((place) => place.shipToId, 'shipToId')),
});
export type CompanyAddresses = z.infer<typeof companyAddressesSchema>;

/** The ship-to an RFQ names, or the company's first when it names none; undefined when the company has no such place. */
export const shipToOf = (addresses: CompanyAddresses, id: string | undefined): ShipTo | undefined =>
  id === undefined ? addresses.shipTo[0] : addresses.shipTo.find((place) => place.shipToId === id);
