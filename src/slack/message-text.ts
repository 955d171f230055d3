import { redactSecrets } from '../logging/logger';

/**
 * Turns the text of a Slack message into the plain question the engine reads.
 *
 * Slack sends mentions, channels, broadcasts and links as `<…>` tokens and escapes `&`, `<`, `>`.
 * Mentions of the bot and broadcasts (`<!channel>`, `<!here>`, `<!everyone>`) are dropped, other users
 * and channels keep their label (`@name`, `#name`) when Slack gives one, links become their label or
 * URL, and entities are decoded. The result holds no `<…>` token, so echoing it can never ping anyone.
 * Secrets typed into it (tokens, long hex keys) are redacted, so no copy coop keeps or posts holds them.
 */
export function questionFromSlackText(text: string, botUserId?: string): string {
  return redactSecrets(slackTextToPlain(text, botUserId));
}

function slackTextToPlain(text: string, botUserId: string | undefined): string {
  return text
    .replace(/<([^<>]*)>/g, (_token, inner: string) => {
      const [target, label] = splitToken(inner);
      if (target.startsWith('@')) {
        if (target.slice(1) === botUserId) return ' ';
        return label ? `@${label.replace(/^@/, '')}` : ' ';
      }
      if (target.startsWith('#')) return label ? `#${label.replace(/^#/, '')}` : ' ';
      if (target.startsWith('!')) return label && !/^!(channel|here|everyone)/.test(target) ? label : ' ';
      return label ?? target.replace(/^mailto:/, '');
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a message's text mentions the bot (Slack then also sends an `app_mention` event for it). */
export function mentionsUser(text: string | undefined, userId: string | undefined): boolean {
  if (!text || !userId) return false;
  return text.includes(`<@${userId}>`) || text.includes(`<@${userId}|`);
}

function splitToken(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1) || undefined];
}
