import { randomUUID } from 'node:crypto';
import { addDays, dayOf } from '#domain/calendar.ts';
import type { Caller } from '#domain/caller.ts';
import type { Company } from '#domain/company.ts';
import type { Rfq } from '#domain/rfq.ts';
import { aRule, total } from '../../builders/approval-rule.ts';
import { aCompany } from '../../builders/company.ts';
import { aContract } from '../../builders/contract.ts';
import { aProduct } from '../../builders/product.ts';
import { anRfq } from '../../builders/rfq.ts';
import type { World } from './world.ts';

/**
 * One buyer company with its people, a contract and approval rules, stored in the world's table; every address is
 * unique to the deal, so the shared inbox never mixes two tests. Acme-like: two team leads (any one approves) and
 * finance on a second level for anything over $500.
 */
export const aDeal = async (
  world: World,
  options: {
    rules?: 'two-levels' | 'none' | 'all-of-two' | 'all-of-two-escalating-to-finance';
    /** These people's mail bounces: their addresses are SES mailbox-simulator ones, labelled to stay unique. */
    bouncing?: readonly ('lead1' | 'lead2' | 'finance' | 'rep')[];
  } = {},
) => {
  const id = `co-${randomUUID().slice(0, 8)}`;
  const address = (who: 'lead1' | 'lead2' | 'finance' | 'rep', domain = `${id}.example`) =>
    options.bouncing?.includes(who) ? `bounce+${who}-${id}@simulator.amazonses.com` : `${who}@${domain}`;
  const people = {
    buyer: `buyer@${id}.example`,
    lead1: address('lead1'),
    lead2: address('lead2'),
    finance: address('finance'),
    admin: `admin@${id}.example`,
    rep: address('rep', `seller-${id}.example`),
    salesManager: world.config.SALES_MANAGER_EMAIL,
  };
  const company: Company = aCompany(id)
    .named(`Company ${id}`)
    .servedBy(people.rep)
    .withBuyer(people.buyer)
    .withApprover(people.lead1)
    .withApprover(people.lead2)
    .withApprover(people.finance)
    .withAdmin(people.admin)
    .build();
  const today = dayOf(new Date().toISOString());
  const contract = aContract(`ctr-${id}`)
    .for(id)
    .validBetween(addDays(today, -30), addDays(today, 365))
    .withDiscount(5)
    .withTier('VALVE', 10, 90_00)
    .build();
  const rules = {
    'two-levels': [
      aRule('big-spend')
        .when(total.over(500_00))
        .approvedBy(people.lead1, people.lead2)
        .approvedBy(people.finance)
        .build(),
    ],
    'all-of-two': [aRule('dual-control').when(total.over(0)).approvedByAll(people.lead1, people.lead2).build()],
    'all-of-two-escalating-to-finance': [
      aRule('dual-control')
        .when(total.over(0))
        .approvedByAll(people.lead1, people.lead2)
        .escalatingTo(people.finance)
        .build(),
    ],
    none: [],
  }[options.rules ?? 'two-levels'];

  await Promise.all([
    world.store.catalog.putCompany(company),
    world.store.catalog.putContract(contract),
    world.store.catalog.putApprovalRules(id, rules),
    world.store.catalog.putProduct(aProduct('VALVE').named('Ball valve DN50').listedAt(100_00).costing(60_00).build()),
    world.store.catalog.putProduct(
      aProduct('GASKET').named('Gasket <PTFE> & "seal"').listedAt(25_00).costing(10_00).build(),
    ),
  ]);

  const buyer: Caller = { sub: `sub-${people.buyer}`, email: people.buyer, groups: ['buyer'], companyId: id };
  const rep: Caller = { sub: `sub-${people.rep}`, email: people.rep, groups: ['rep'] };
  const salesManager: Caller = { sub: 'sub-sm', email: people.salesManager, groups: ['sales-manager'] };

  return {
    company,
    people,
    buyer,
    rep,
    salesManager,
    /** 10 valves (contract tier: $90.00) and 4 gaskets (list − 5%: $23.75) = $995.00. */
    rfq: (): Rfq =>
      anRfq(`rfq_${randomUUID().replaceAll('-', '').slice(0, 20)}`)
        .for(id, people.rep)
        .by(people.buyer)
        .requesting({ sku: 'VALVE', quantity: 10 }, { sku: 'GASKET', quantity: 4 })
        .build(),
  };
};

export type Deal = Awaited<ReturnType<typeof aDeal>>;
