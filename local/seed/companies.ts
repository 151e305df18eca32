import type { ApprovalRule } from '#domain/approval-rule.ts';
import type { Company } from '#domain/company.ts';
import type { Contract } from '#domain/contract.ts';
import type { TaxSettings } from '#domain/tax.ts';

const usd = (dollars: number): number => Math.round(dollars * 100);
const sek = (kronor: number): number => Math.round(kronor * 100);
const eur = (euros: number): number => Math.round(euros * 100);

/** The seller's own staff, who work from their token's email and groups rather than from a company record. */
export const sellerStaff = {
  rep: { email: 'riley@northwind.example', name: 'Riley Chen (account rep)' },
  salesManager: { email: 'taylor@northwind.example', name: 'Taylor Brooks (sales manager)' },
  admin: { email: 'ops@northwind.example', name: 'Northwind operations (admin)' },
} as const;

export const acme: Company = {
  companyId: 'acme',
  name: 'Acme Industrial Supply Co.',
  accountRepEmail: sellerStaff.rep.email,
  paymentTerms: 'NET30',
  currency: 'USD',
  erpCustomerNumber: 'C-100234',
  addresses: {
    billTo: {
      name: 'Acme Industrial Supply Co. — Accounts Payable',
      line1: '1200 Harbor Boulevard',
      line2: 'Suite 400',
      postalCode: '94607',
      city: 'Oakland',
      region: 'CA',
      country: 'US',
    },
    shipTo: [
      {
        shipToId: 'oakland-dc',
        name: 'Acme Oakland Distribution Center',
        line1: '88 Embarcadero West',
        line2: 'Dock 3',
        postalCode: '94607',
        city: 'Oakland',
        region: 'CA',
        country: 'US',
      },
      {
        shipToId: 'reno-plant',
        name: 'Acme Reno Plant',
        line1: '4750 Longley Lane',
        postalCode: '89502',
        city: 'Reno',
        region: 'NV',
        country: 'US',
      },
    ],
  },
  users: [
    { email: 'dana@acme.example', name: 'Dana Whitfield (buyer)', roles: ['buyer'] },
    { email: 'sam@acme.example', name: 'Sam Ortiz (team lead)', roles: ['approver'] },
    { email: 'priya@acme.example', name: 'Priya Nair (team lead)', roles: ['approver'] },
    { email: 'morgan@acme.example', name: 'Morgan Lee (finance)', roles: ['approver'] },
    { email: 'chris@acme.example', name: 'Chris Park (admin)', roles: ['admin', 'approver'] },
  ],
};

export const globex: Company = {
  companyId: 'globex',
  name: 'Globex Logistics GmbH',
  accountRepEmail: sellerStaff.rep.email,
  paymentTerms: 'NET45',
  currency: 'USD',
  erpCustomerNumber: 'C-100871',
  addresses: {
    billTo: {
      name: 'Globex Logistics GmbH — Kreditorenbuchhaltung',
      line1: 'Speicherstraße 12',
      postalCode: '20457',
      city: 'Hamburg',
      country: 'DE',
    },
    shipTo: [
      {
        shipToId: 'hamburg-hub',
        name: 'Globex Hub Hamburg',
        line1: 'Am Ballinkai 4',
        postalCode: '21129',
        city: 'Hamburg',
        country: 'DE',
      },
    ],
  },
  users: [
    { email: 'lena@globex.example', name: 'Lena Fischer (buyer)', roles: ['buyer'] },
    { email: 'omar@globex.example', name: 'Omar Haddad (IT approver)', roles: ['approver'] },
    { email: 'mei@globex.example', name: 'Mei Tanaka (operations approver)', roles: ['approver'] },
    { email: 'jonas@globex.example', name: 'Jonas Berg (admin)', roles: ['admin', 'approver'] },
  ],
};

/** A Swedish customer: taxed at Swedish moms, the seller's home country. */
export const nordkust: Company = {
  companyId: 'nordkust',
  name: 'Nordkust Bygg AB',
  accountRepEmail: sellerStaff.rep.email,
  paymentTerms: 'NET30',
  currency: 'SEK',
  erpCustomerNumber: 'C-200118',
  taxId: 'SE556677889901',
  addresses: {
    billTo: {
      name: 'Nordkust Bygg AB — Ekonomiavdelningen',
      line1: 'Lilla Bommen 6',
      postalCode: '411 04',
      city: 'Göteborg',
      country: 'SE',
    },
    shipTo: [
      {
        shipToId: 'goteborg-lager',
        name: 'Nordkust Lager Göteborg',
        line1: 'Hamnvägen 14',
        postalCode: '417 64',
        city: 'Göteborg',
        country: 'SE',
      },
      {
        shipToId: 'malmo-bygge',
        name: 'Nordkust Byggplats Malmö',
        line1: 'Stora Varvsgatan 11',
        postalCode: '211 19',
        city: 'Malmö',
        country: 'SE',
      },
    ],
  },
  users: [
    { email: 'astrid@nordkust.example', name: 'Astrid Lindqvist (inköpare)', roles: ['buyer'] },
    { email: 'erik@nordkust.example', name: 'Erik Johansson (attestant)', roles: ['approver'] },
    { email: 'karin@nordkust.example', name: 'Karin Holm (administratör)', roles: ['admin', 'approver'] },
  ],
};

/** A Spanish customer with a Spanish VAT id: an intra-EU sale from the seller's Sweden, reverse-charged. */
export const iberica: Company = {
  companyId: 'iberica',
  name: 'Suministros Ibérica S.L.',
  accountRepEmail: sellerStaff.rep.email,
  paymentTerms: 'NET60',
  currency: 'EUR',
  erpCustomerNumber: 'C-200342',
  taxId: 'ESB46123456',
  addresses: {
    billTo: {
      name: 'Suministros Ibérica S.L. — Contabilidad',
      line1: 'Calle de Colón 22',
      postalCode: '46004',
      city: 'Valencia',
      country: 'ES',
    },
    shipTo: [
      {
        shipToId: 'valencia-almacen',
        name: 'Almacén Valencia Puerto',
        line1: 'Avenida del Puerto 180',
        postalCode: '46023',
        city: 'Valencia',
        country: 'ES',
      },
    ],
  },
  users: [
    { email: 'lucia@iberica.example', name: 'Lucía Martín (compradora)', roles: ['buyer'] },
    { email: 'javier@iberica.example', name: 'Javier Ruiz (aprobador)', roles: ['approver'] },
    { email: 'carmen@iberica.example', name: 'Carmen Navarro (administradora)', roles: ['admin', 'approver'] },
  ],
};

/**
 * The seller's tax settings: established in Sweden, charging moms at home and the destination's VAT to EU buyers
 * without a VAT id (Globex); a US ship-to is an export, untaxed.
 */
export const sellerTaxSettings: TaxSettings = {
  homeCountry: 'SE',
  rates: [
    { country: 'SE', taxClass: 'standard', rate: 25, label: 'Moms' },
    { country: 'SE', taxClass: 'reduced', rate: 12, label: 'Moms' },
    { country: 'SE', taxClass: 'books', rate: 6, label: 'Moms' },
    { country: 'ES', taxClass: 'standard', rate: 21, label: 'IVA' },
    { country: 'ES', taxClass: 'reduced', rate: 10, label: 'IVA' },
    { country: 'DE', taxClass: 'standard', rate: 19, label: 'MwSt' },
    { country: 'DE', taxClass: 'reduced', rate: 7, label: 'MwSt' },
  ],
};

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * 86_400_000);

/** Contracts run a year either side of `today`, so the seed prices by contract whenever it is loaded. */
export const contractsFor = (today: Date): Contract[] => {
  const validFrom = isoDay(addDays(today, -365));
  const validTo = isoDay(addDays(today, 365));
  return [
    {
      contractId: 'acme-2026-msa',
      companyId: acme.companyId,
      currency: 'USD',
      validFrom,
      validTo,
      discountPercent: 5,
      prices: [
        {
          sku: 'FAS-HCS-M8-50',
          tiers: [
            { minQty: 1, unitPrice: usd(16.9) },
            { minQty: 50, unitPrice: usd(15.5) },
            { minQty: 200, unitPrice: usd(14.2) },
          ],
        },
        { sku: 'FAS-NUT-M8', tiers: [{ minQty: 100, unitPrice: usd(7.9) }] },
        { sku: 'SAF-GLV-NIT-L', unitPrice: usd(12.9), tiers: [{ minQty: 100, unitPrice: usd(11.8) }] },
        { sku: 'SAF-HAT-WHT', unitPrice: usd(21.5) },
        { sku: 'PKG-BOX-1212', tiers: [{ minQty: 40, unitPrice: usd(27.0) }] },
        { sku: 'ELE-SCN-2D', unitPrice: usd(172.0) },
      ],
    },
    {
      contractId: 'globex-2026-supply',
      companyId: globex.companyId,
      currency: 'USD',
      validFrom,
      validTo,
      discountPercent: 3,
      prices: [
        { sku: 'ELE-PRN-LBL4', unitPrice: usd(399.0), tiers: [{ minQty: 10, unitPrice: usd(379.0) }] },
        { sku: 'ELE-TAB-RUG10', unitPrice: usd(699.0) },
        {
          sku: 'PKG-TAPE-48',
          tiers: [
            { minQty: 10, unitPrice: usd(82.0) },
            { minQty: 50, unitPrice: usd(76.5) },
          ],
        },
        { sku: 'PKG-WRAP-18', tiers: [{ minQty: 24, unitPrice: usd(24.4) }] },
        { sku: 'PKG-PAL-4840', unitPrice: usd(17.25) },
      ],
    },
    {
      contractId: 'nordkust-2026-ramavtal',
      companyId: nordkust.companyId,
      currency: 'SEK',
      validFrom,
      validTo,
      discountPercent: 4,
      prices: [
        {
          sku: 'FAS-ANC-10',
          tiers: [
            { minQty: 1, unitPrice: sek(415) },
            { minQty: 50, unitPrice: sek(389) },
          ],
        },
        { sku: 'SAF-HAT-WHT', unitPrice: sek(235) },
        { sku: 'SAF-VST-HV-XL', unitPrice: sek(119), tiers: [{ minQty: 100, unitPrice: sek(109) }] },
        { sku: 'TLS-DRL-18V', unitPrice: sek(1595) },
      ],
    },
    {
      contractId: 'iberica-2026-suministro',
      companyId: iberica.companyId,
      currency: 'EUR',
      validFrom,
      validTo,
      discountPercent: 3,
      prices: [
        { sku: 'PKG-BOX-1212', tiers: [{ minQty: 40, unitPrice: eur(26.9) }] },
        { sku: 'PKG-TAPE-48', unitPrice: eur(79.5) },
        { sku: 'SAF-GLV-NIT-L', unitPrice: eur(12.4), tiers: [{ minQty: 100, unitPrice: eur(11.6) }] },
      ],
    },
  ];
};

/**
 * Acme: big orders need a team lead, then finance. Globex: anything electronic needs both IT and operations, and when
 * neither answers in time, Jonas (the admin) decides. Nordkust and Ibérica: a big order needs their approver, and their
 * admin decides when the approver does not. Every rule compares the net total, before tax.
 */
export const approvalRules: Record<string, ApprovalRule[]> = {
  [acme.companyId]: [
    {
      ruleId: 'over-5000',
      name: 'Orders over $5,000',
      when: { field: 'total', op: 'gt', value: usd(5000) },
      levels: [
        { approvers: ['sam@acme.example', 'priya@acme.example'], mode: 'any' },
        { approvers: ['morgan@acme.example'], mode: 'any' },
      ],
    },
  ],
  [globex.companyId]: [
    {
      ruleId: 'electronics',
      name: 'Any electronics line',
      when: { field: 'category', op: 'eq', value: 'electronics' },
      levels: [
        { approvers: ['omar@globex.example', 'mei@globex.example'], mode: 'all', escalateTo: 'jonas@globex.example' },
      ],
    },
  ],
  [nordkust.companyId]: [
    {
      ruleId: 'over-50000-kr',
      name: 'Beställningar över 50 000 kr',
      when: { field: 'total', op: 'gt', value: sek(50_000) },
      levels: [{ approvers: ['erik@nordkust.example'], mode: 'any', escalateTo: 'karin@nordkust.example' }],
    },
  ],
  [iberica.companyId]: [
    {
      ruleId: 'over-5000-eur',
      name: 'Pedidos de más de 5.000 €',
      when: { field: 'total', op: 'gt', value: eur(5_000) },
      levels: [{ approvers: ['javier@iberica.example'], mode: 'any', escalateTo: 'carmen@iberica.example' }],
    },
  ],
};
