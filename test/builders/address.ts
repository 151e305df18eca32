import type { Address, ShipTo } from '#domain/address.ts';

/** A US street address: `anAddress('Acme AP')`, `aShipTo('reno', 'Acme Reno Plant')`. */
export const anAddress = (name = 'Acme Accounts Payable', changes: Partial<Address> = {}): Address => ({
  name,
  line1: '1200 Harbor Boulevard',
  postalCode: '94607',
  city: 'Oakland',
  region: 'CA',
  country: 'US',
  ...changes,
});

export const aShipTo = (shipToId: string, name = `Dock ${shipToId}`, changes: Partial<Address> = {}): ShipTo => ({
  ...anAddress(name, { line1: `${shipToId.length} Dock Street`, ...changes }),
  shipToId,
});
