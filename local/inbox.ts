/** One mail the system sent, as a person reads it in their inbox. */
export interface Email {
  messageId: string;
  /** When the local SES took it, in epoch seconds (what `since` compares with). */
  at: number;
  /** Everyone it was sent to (to, cc and bcc), lower-cased. */
  to: string[];
  subject: string;
  html: string;
  text: string;
}

/** One mail as the local SES's `GET /store` lists it. */
interface StoredEmail {
  messageId: string;
  at: number;
  destination: { to?: string[]; cc?: string[]; bcc?: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The mail the system sent, read from the local SES's `GET /store` — the one reader the tests, the demos and the
 * benchmarks share. With `linksTo` (an API's base URL), only approval links into that API count: the test run's
 * stacks share one SES, and the seeded people receive mail from each of them.
 */
export const openInbox = (sesEndpoint: string, options: { linksTo?: string } = {}) => {
  const linkPattern = new RegExp(
    `${options.linksTo ? escaped(options.linksTo) : 'https?://[^\\s/]+'}/approvals/[A-Za-z0-9_-]{43}`,
    'g',
  );

  /** Every mail in the store, oldest first; with `since` (epoch seconds), only what came then or later. */
  const all = async (since?: number): Promise<Email[]> => {
    const response = await fetch(`${sesEndpoint}/store${since === undefined ? '' : `?since=${since}`}`);
    if (!response.ok) throw new Error(`the local SES store answered HTTP ${response.status}`);
    const { emails } = (await response.json()) as { emails: StoredEmail[] };
    return emails.map((e) => ({
      messageId: e.messageId,
      at: e.at,
      to: [...(e.destination.to ?? []), ...(e.destination.cc ?? []), ...(e.destination.bcc ?? [])].map((address) =>
        address.toLowerCase(),
      ),
      subject: e.subject,
      html: e.body.html ?? '',
      text: e.body.text ?? '',
    }));
  };

  const emailsTo = async (address: string): Promise<Email[]> =>
    (await all()).filter((e) => e.to.includes(address.toLowerCase()));

  /**
   * The approval links in a mail's text part (what a person would click), each once: the decide button and "read the
   * whole conversation" on the same page are one link.
   */
  const linksIn = (email: Email): string[] => [...new Set(email.text.match(linkPattern) ?? [])];

  return {
    all,
    emailsTo,
    linksIn,
    /**
     * Every approval link mailed to this person, oldest first; with `about`, only from mail whose subject names it
     * (an rfqId), for people who serve many RFQs.
     */
    linksFor: async (address: string, about?: string): Promise<string[]> =>
      (await emailsTo(address)).filter((e) => about === undefined || e.subject.includes(about)).flatMap(linksIn),
  };
};

export type Inbox = ReturnType<typeof openInbox>;

/** The token at the end of an approval link. */
export const tokenOf = (link: string): string => link.slice(link.lastIndexOf('/') + 1);
