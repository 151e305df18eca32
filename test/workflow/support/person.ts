import type { DecisionInput } from '#functions/decisions/check-decision.ts';
import { decideLink } from '#functions/decisions/decide-link.ts';
import { viewLink } from '#functions/decisions/view-link.ts';
import { type Page, renderLinkPage } from '#functions/pages/approval-page.ts';
import { tokenOf } from './inbox.ts';
import type { World } from './world.ts';

/** What a person does with an emailed link: open it (GET), then press a button on the page (POST). */
export const openLink = async (world: World, link: string): Promise<Page> =>
  renderLinkPage(await viewLink(tokenOf(link), world.decisions));

export const clickLink = async (world: World, link: string, input: DecisionInput): Promise<Page> =>
  renderLinkPage(await decideLink(tokenOf(link), input, world.decisions));
