import * as z from 'zod';
import { type Brand, brandColor, brandLogoUrl } from './domain/brand.ts';
import { percent } from './domain/money.ts';

/**
 * Every setting the functions read, from environment variables, validated once. The CDK app sets these on each
 * function; the local stack sets them in-process. Endpoints are only set locally — on AWS the SDK's defaults apply.
 */
const seconds = z.coerce.number().int().positive();
const optionalUrl = z.url().optional();

export const configSchema = z
  .object({
    TABLE_NAME: z.string().min(1).default('quote-to-order'),
    AWS_REGION: z.string().min(1).default('us-east-1'),
    DYNAMODB_ENDPOINT: optionalUrl,
    SFN_ENDPOINT: optionalUrl,
    SES_ENDPOINT: optionalUrl,
    EVENTS_ENDPOINT: optionalUrl,
    /** Only for tests that need the Cognito adapter to meet a pool that does not answer. */
    COGNITO_ENDPOINT: optionalUrl,
    STATE_MACHINE_ARN: z.string().min(1).default('arn:aws:states:us-east-1:000000000000:stateMachine:quote-to-order'),
    EVENT_BUS_NAME: z.string().min(1).default('quote-to-order'),
    MAIL_FROM: z.email().default('quotes@example.com'),
    /** The seller's name as buyers read it: on the app, the emails, the link pages and the quote PDF. */
    SELLER_NAME: z.string().min(1).max(120).default('Your supplier'),
    /** The seller's logo (an image people's mail clients and browsers fetch), beside their name wherever it shows. */
    SELLER_LOGO_URL: brandLogoUrl.optional(),
    /** The seller's colour: buttons, links and the header band; refused unless white text on it reads (4.5:1). */
    BRAND_COLOR: brandColor.default('#1d4ed8'),
    SES_CONFIGURATION_SET: z.string().optional(),
    PUBLIC_BASE_URL: z.url().default('http://localhost:3000'),
    /** Validated like every percentage in the domain, so a bad value fails at start, not at the first review. */
    MAX_REP_DISCOUNT_PERCENT: z.coerce.number().pipe(percent).default(10),
    QUOTE_VALIDITY_DAYS: z.coerce.number().int().positive().default(30),
    /** Overrides QUOTE_VALIDITY_DAYS in seconds (tests and demos shorten the buyer's wait with it). */
    QUOTE_VALIDITY_SECONDS: seconds.optional(),
    REVIEW_TIMEOUT_SECONDS: seconds.default(48 * 3600),
    APPROVAL_TIMEOUT_SECONDS: seconds.default(72 * 3600),
    /** How long an escalated review or approval level waits for the people it escalated to, before the RFQ expires. */
    ESCALATION_TIMEOUT_SECONDS: seconds.default(24 * 3600),
    SALES_MANAGER_EMAIL: z.email().default('sales-manager@example.com'),
    LINK_TTL_SECONDS: seconds.default(7 * 24 * 3600),
    /**
     * Where people's sign-in accounts live, which a company's admin manages with its users: the Cognito user pool on
     * AWS (`USER_POOL_ID`, set by the CDK app on the function that manages them), or the local pool in the table that
     * the local OIDC provider signs in from.
     */
    SIGN_IN_ACCOUNTS: z.enum(['cognito', 'local']).default('local'),
    /**
     * The local pool's one password (`npm start` prints it; local/seed/seed.ts), which its invitations give as the
     * temporary password. Unused with Cognito, which makes one per person.
     */
    LOCAL_SIGN_IN_PASSWORD: z.string().min(1).default('quote-to-order'),
    /**
     * How long a container trusts what it read of a person's token revocation: a removed or demoted person's tokens
     * are refused within this many seconds (at most 30, so always within a minute).
     */
    REVOCATION_CACHE_SECONDS: z.coerce.number().int().min(0).max(30).default(30),
    /**
     * The issuer whose tokens the routes machines may call verify themselves (bearer-token.ts): the user pool's
     * (`https://cognito-idp.<region>.amazonaws.com/<poolId>`) on AWS, the local OIDC provider's locally. Unset, those
     * routes take no token.
     */
    TOKEN_ISSUER: optionalUrl,
    /** Where the issuer's signing keys are; by default `{TOKEN_ISSUER}/.well-known/jwks.json`, as Cognito serves them. */
    TOKEN_JWKS_URL: optionalUrl,
    /**
     * The app clients people sign in with (comma-separated): a person's ID token names one as its audience, as the JWT
     * authorizer checks — the web app's, and on AWS the operators' scripts'.
     */
    PEOPLE_CLIENT_IDS: z
      .string()
      .transform((ids) =>
        ids
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .optional(),
    /**
     * Which addresses webhooks may go to: `public` (AWS) — https, and a name that resolves only to public addresses,
     * checked on every send; `any` — the local stack, whose receivers listen on 127.0.0.1 over http.
     */
    WEBHOOK_TARGETS: z.enum(['public', 'any']).default('public'),
    /** How long a webhook receiver has to answer before the attempt counts as failed. */
    WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(30).default(10),
    /** The state machine that retries a webhook delivery (workflows/webhook-retries.asl.json). */
    WEBHOOK_RETRIES_ARN: z
      .string()
      .min(1)
      .default('arn:aws:states:us-east-1:000000000000:stateMachine:webhook-retries'),
    /**
     * Where integration clients get their tokens: Cognito app clients of the user pool (`USER_POOL_ID`, set by the CDK
     * app on the functions that manage them), or the local OIDC provider's registry in the table.
     */
    INTEGRATION_CLIENTS: z.enum(['cognito', 'local']).default('local'),
    /** The issuer's token endpoint, told to the admin with a new client's secret. */
    INTEGRATION_TOKEN_URL: z.url().default('http://localhost:3000/oidc/token'),
    USER_POOL_ID: z
      .string()
      .regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'a Cognito user pool id, e.g. us-east-1_AbC123')
      .optional(),
  })
  .refine((c) => c.SIGN_IN_ACCOUNTS !== 'cognito' || c.USER_POOL_ID !== undefined, {
    path: ['USER_POOL_ID'],
    message: 'SIGN_IN_ACCOUNTS=cognito needs the user pool',
  })
  .refine((c) => c.INTEGRATION_CLIENTS !== 'cognito' || c.USER_POOL_ID !== undefined, {
    path: ['USER_POOL_ID'],
    message: 'INTEGRATION_CLIENTS=cognito needs the user pool',
  });
export type Config = z.infer<typeof configSchema>;

/** The seller's brand, as every surface shows it: one source, this configuration. */
export const brandOf = (settings: Config): Brand => ({
  sellerName: settings.SELLER_NAME,
  ...(settings.SELLER_LOGO_URL && { logoUrl: settings.SELLER_LOGO_URL }),
  color: settings.BRAND_COLOR,
});

let cached: Config | undefined;

export const config = (): Config => {
  cached ??= configSchema.parse(process.env);
  return cached;
};

/** Tests and the local stack change env between runs; they call this to re-read it. */
export const reloadConfig = (): Config => {
  cached = undefined;
  return config();
};
