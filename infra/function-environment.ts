import type { Config } from '#functions/config.ts';
import type { Settings } from './settings.ts';

/**
 * The settings of functions/config.ts a deployment may set, by the variable's name: not the region (Lambda sets it),
 * nor the endpoints and the validity override in seconds (the local stack's and the tests'). Each is a value or a
 * CloudFormation token (a table name, a URL): the one mapping from `Config` to a function's environment, so a key
 * config does not read cannot be set, and one it reads as a number is given a number.
 */
type DeployedKey = Exclude<keyof Config, 'AWS_REGION' | `${string}_ENDPOINT` | 'QUOTE_VALIDITY_SECONDS'>;
export type FunctionConfig = { [K in DeployedKey]?: NonNullable<Config[K]> extends number ? number : string };

export const environmentOf = (config: FunctionConfig): Record<string, string> =>
  Object.fromEntries(
    Object.entries(config)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );

/** The business settings an operator chose in context; unset ones are left to config's defaults. */
export const configFromSettings = (settings: Settings): FunctionConfig => ({
  MAIL_FROM: settings.mailFrom,
  SELLER_NAME: settings.sellerName,
  SELLER_LOGO_URL: settings.sellerLogoUrl,
  BRAND_COLOR: settings.brandColor,
  SALES_MANAGER_EMAIL: settings.salesManagerEmail,
  MAX_REP_DISCOUNT_PERCENT: settings.maxRepDiscountPercent,
  QUOTE_VALIDITY_DAYS: settings.quoteValidityDays,
  REVIEW_TIMEOUT_SECONDS: settings.reviewTimeoutSeconds,
  APPROVAL_TIMEOUT_SECONDS: settings.approvalTimeoutSeconds,
  ESCALATION_TIMEOUT_SECONDS: settings.escalationTimeoutSeconds,
  LINK_TTL_SECONDS: settings.linkTtlSeconds,
});
