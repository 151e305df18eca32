import type { ApprovalRule } from '#domain/approval-rule.ts';
import type { Company } from '#domain/company.ts';
import type { Contract } from '#domain/contract.ts';

const usd = (dollars: number): number => Math.round(dollars * 100);

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
  ];
};

/**
 * Acme: big orders need a team lead, then finance. Globex: anything electronic needs both IT and operations, and when
 * neither answers in time, Jonas (the admin) decides.
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
};
