import type { CommentView } from '#domain/comment.ts';
import { type Html, html } from '#rendering/html.ts';
import { deadline, link, paragraph } from './layout.ts';

/** How many of the latest posts an email carries; the page it links to has the whole conversation. */
const shown = 3;

const byline = (c: CommentView): string =>
  `${c.author} (${c.role}), ${deadline(c.at)}${c.visibility === 'seller' ? ', seller note' : ''}`;

/**
 * The latest posts of the thread, as the email's reader may read them (the caller passes the thread through the
 * audience's `threadView`), with a link to the rest. Nothing when there is no conversation yet.
 */
export const threadMail = (thread: readonly CommentView[], restUrl: string): { html: Html; text: string[] } => {
  if (thread.length === 0) return { html: html``, text: [] };
  const latest = thread.slice(-shown);
  const earlier = thread.length - latest.length;
  const more = earlier > 0 ? `${earlier} earlier ${earlier === 1 ? 'post' : 'posts'}: ` : '';
  return {
    html: html`${paragraph(html`<strong>The conversation</strong>`)}
${latest.map(
  (c) =>
    html`<p style="margin:0 0 10px;padding:6px 10px;border-left:3px solid #9ca3af;background:#f9fafb;overflow-wrap:anywhere;white-space:pre-line"><span style="color:#4b5563;font-size:13px">${byline(c)}</span><br>${c.text}</p>`,
)}
${paragraph(html`${more}${link(restUrl, 'read the whole conversation')}`)}`,
    text: [
      `The conversation:\n${latest.map((c) => `- ${byline(c)}: ${c.text}`).join('\n')}\n${more}read the whole conversation: ${restUrl}`,
    ],
  };
};
