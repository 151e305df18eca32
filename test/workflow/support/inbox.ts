export interface Email {
  to: string[];
  subject: string;
  html: string;
  text: string;
}

/**
 * The mail the system sent, read from the local SES's `GET /store` as a person reads their inbox: by recipient, and
 * the approval links in it. Tests use unique addresses, so the shared store never mixes two tests' mail.
 */
export const createInbox = (sesEndpoint: string, publicBaseUrl: string) => {
  const linkPattern = new RegExp(
    `${publicBaseUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/approvals/[A-Za-z0-9_-]+`,
    'g',
  );

  const all = async (): Promise<Email[]> => {
    const response = await fetch(`${sesEndpoint}/store`);
    const { emails } = (await response.json()) as {
      emails: { destination: { to: string[] }; subject: string; body: { html?: string; text?: string } }[];
    };
    return emails.map((e) => ({
      to: e.destination.to.map((t) => t.toLowerCase()),
      subject: e.subject,
      html: e.body.html ?? '',
      text: e.body.text ?? '',
    }));
  };

  const emailsTo = async (address: string): Promise<Email[]> =>
    (await all()).filter((e) => e.to.includes(address.toLowerCase()));

  return {
    all,
    emailsTo,
    /**
     * Every approval link mailed to this person, oldest first (the text part is what a person would click); with
     * `about`, only from mail whose subject names it (an rfqId), for people who serve many RFQs. A link an email
     * repeats (the decide button, and "read the whole conversation" on the same page) counts once.
     */
    linksFor: async (address: string, about?: string): Promise<string[]> =>
      (await emailsTo(address))
        .filter((e) => about === undefined || e.subject.includes(about))
        .flatMap((e) => [...new Set(e.text.match(linkPattern) ?? [])]),
  };
};

export type Inbox = ReturnType<typeof createInbox>;

/** The token at the end of an approval link. */
export const tokenOf = (link: string): string => link.slice(link.lastIndexOf('/') + 1);
