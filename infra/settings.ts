import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { z } from 'zod';
import { configSchema } from '#functions/config.ts';

/**
 * What an operator chooses per deployment, from CDK context. Three layers, later ones winning: the stage's preset
 * below, the stage's object in `cdk.json` (`"stages": { "prod": { ... } }`), and single keys (`-c key=value`). Values
 * from the command line arrive as strings, so booleans and numbers are coerced; a wrong value fails the synth, not
 * the deploy.
 *
 * Stages: `dev` and `prod` are deployable and must name real addresses; `local` (the default) is what `npm run synth`,
 * CI and the infra tests synthesize offline — placeholders are fine there, and the app pins it to an account that
 * does not exist (infra/app.ts), so a `cdk deploy` of it stops before touching anything.
 */
export const stages = ['local', 'dev', 'prod'] as const;
export type Stage = (typeof stages)[number];

const flag = z.union([z.boolean(), z.stringbool()]);
const list = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([
      z.array(z.string()),
      z.string().transform((text) =>
        text
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(item));
/**
 * A setting that becomes a function's environment variable is validated by the very rule the functions read it with
 * (functions/config.ts), minus its default: unset, the functions' default applies. A value the functions would refuse
 * (a discount of 7.555 %) fails the synth, not every function's first config read after the deploy.
 */
type ConfigShape = typeof configSchema.shape;
type Defaulted = { [K in keyof ConfigShape]: ConfigShape[K] extends z.ZodDefault ? K : never }[keyof ConfigShape];
const asFunctionsRead = <K extends Defaulted>(key: K): ReturnType<ConfigShape[K]['unwrap']> =>
  configSchema.shape[key].unwrap() as ReturnType<ConfigShape[K]['unwrap']>;
const retentionDays = z.coerce
  .number()
  .int()
  .refine((days) => Object.values(RetentionDays).includes(days), 'not a CloudWatch Logs retention period');

export const settingsSchema = z.object({
  stage: z.enum(stages).default('local'),
  stackName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/)
    .optional(),
  /** The sender address of every email; the SES identity unless `mailDomain` is set. */
  mailFrom: asFunctionsRead('MAIL_FROM').default('quotes@example.com'),
  /** The seller's name as buyers read it, on the quote PDF and in emails. */
  sellerName: asFunctionsRead('SELLER_NAME').default('Your supplier'),
  /** The seller's logo beside their name on the app, emails, link pages: an image URL browsers and mail clients fetch. */
  sellerLogoUrl: configSchema.shape.SELLER_LOGO_URL,
  /** The seller's colour (buttons, links, header band): refused here, at synth, when white text on it would not read. */
  brandColor: asFunctionsRead('BRAND_COLOR').optional(),
  /** Verify this domain (DKIM) instead of the single `mailFrom` address; `mailFrom` must be under it. */
  mailDomain: z.string().min(3).optional(),
  /**
   * The SES identity (`mailDomain`, else `mailFrom`) already exists in this account and region — created by hand or
   * by another stack — so this stack uses it instead of creating it (which would fail with AlreadyExists).
   */
  existingSesIdentity: flag.default(false),
  /**
   * Who sends the user pool's own mail (invitations, password resets): `ses` (through the identity above) or
   * `cognito` (Cognito's built-in sender, 50 a day). Cognito refuses an SES identity that is not yet verified, so the
   * default is `ses` only with an existing identity; a stack that creates its identity starts on `cognito`.
   */
  userPoolMail: z.enum(['ses', 'cognito']).optional(),
  /**
   * In the SES sandbox, SendEmail is also authorized against each recipient's identity: list the verified test
   * recipients here so the functions may mail them. Empty once the account has production access.
   */
  sesSandboxRecipients: list(z.email()).default([]),
  /** Off only for throwaway dev stacks: it also makes the table and the user pool deletable with the stack. */
  deletionProtection: flag.default(true),
  requireMfa: flag.default(false),
  alarmEmail: z.email().optional(),
  /** An API answering 5xx to more than this share of its requests in five minutes pages on-call. */
  api5xxPercent: z.coerce.number().positive().max(100).default(1),
  /** ... and only once at least this many failed in those five minutes: one 503 among a few dozen is no page. */
  api5xxMinimum: z.coerce.number().int().positive().default(5),
  logRetentionDays: retentionDays.default(RetentionDays.ONE_MONTH),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  /** X-Ray on every function and the state machine; off by default (cost, and ~10 ms of cold start per function). */
  tracing: flag.default(false),
  /** Who approves discounts beyond a rep's authority; required for a deploy. */
  salesManagerEmail: asFunctionsRead('SALES_MANAGER_EMAIL').optional(),
  maxRepDiscountPercent: asFunctionsRead('MAX_REP_DISCOUNT_PERCENT').optional(),
  quoteValidityDays: asFunctionsRead('QUOTE_VALIDITY_DAYS').optional(),
  reviewTimeoutSeconds: asFunctionsRead('REVIEW_TIMEOUT_SECONDS').optional(),
  approvalTimeoutSeconds: asFunctionsRead('APPROVAL_TIMEOUT_SECONDS').optional(),
  escalationTimeoutSeconds: asFunctionsRead('ESCALATION_TIMEOUT_SECONDS').optional(),
  linkTtlSeconds: asFunctionsRead('LINK_TTL_SECONDS').optional(),
  apiRateLimit: z.coerce.number().positive().default(50),
  apiBurstLimit: z.coerce.number().int().positive().default(100),
  /**
   * The web app's build directory (relative to the repository), served under `/app/`. Unset, a deploy stage builds
   * `web/` with Vite at synth (infra/app.ts) and the local stage serves the API alone.
   */
  webAssets: z.string().min(1).optional(),
  /** The Cognito hosted domain's prefix (`<prefix>.auth.<region>.amazoncognito.com`); unique per region. */
  authDomainPrefix: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/)
    .refine((prefix) => !/aws|amazon|cognito/.test(prefix), 'may not contain aws, amazon or cognito')
    .optional(),
  /** More app URLs to sign in from besides the stack's own `/app/` (e.g. a developer's `http://localhost:5173/app/`). */
  extraCallbackUrls: list(z.url()).default([]),
});
type Parsed = z.infer<typeof settingsSchema>;
export type Settings = Omit<Parsed, 'stackName' | 'userPoolMail'> & {
  stackName: string;
  userPoolMail: 'ses' | 'cognito';
};

/** Each stage's preset: dev is cheap and deletable, prod keeps its data and logs longer. */
const presets: Record<Stage, Partial<Record<keyof Parsed, unknown>>> = {
  local: {},
  dev: { deletionProtection: false, logRetentionDays: RetentionDays.ONE_WEEK, logLevel: 'DEBUG' },
  prod: { deletionProtection: true, logRetentionDays: RetentionDays.THREE_MONTHS },
};

/** Addresses that pass as syntax but reach nobody (RFC 2606 / 6761 names): a deploy refuses them. */
const placeholder = (email: string): boolean =>
  /@(?:[^@]*\.)?(?:example\.(?:com|org|net)|example|test|invalid|localhost)$/i.test(email);

export class InvalidSettings extends Error {
  override readonly name = 'InvalidSettings';
}

/** What a deploy stage needs that a local synth does not: real addresses, or nothing would ever reach anyone. */
const deployProblems = (settings: Parsed): string[] => {
  const problems: string[] = [];
  if (placeholder(settings.mailFrom)) {
    problems.push(
      `mailFrom is ${settings.mailFrom}: SES would refuse every message and every RFQ would end FAILED. Set -c mailFrom=<an address you can verify in SES>.`,
    );
  }
  if (!settings.salesManagerEmail) {
    problems.push(
      'salesManagerEmail is not set: discounts beyond a rep’s authority would wait for nobody and expire. Set -c salesManagerEmail=<the sales manager’s address>.',
    );
  } else if (placeholder(settings.salesManagerEmail)) {
    problems.push(
      `salesManagerEmail is ${settings.salesManagerEmail}, a placeholder: discount approvals would go nowhere. Set a real address.`,
    );
  }
  return problems;
};

/** Reads the stage, its `cdk.json` object and every single key of the schema from the construct tree's context. */
export const settingsFrom = (node: Node): Settings => {
  const single = Object.fromEntries(
    Object.keys(settingsSchema.shape)
      .map((key) => [key, node.tryGetContext(key)])
      .filter(([, value]) => value !== undefined),
  );
  const stage = z.enum(stages).default('local').safeParse(single.stage);
  if (!stage.success) throw new InvalidSettings(`Invalid CDK context: stage must be one of ${stages.join(', ')}`);
  const fromCdkJson = (node.tryGetContext('stages') as Record<string, unknown> | undefined)?.[stage.data] ?? {};
  const parsed = settingsSchema.safeParse({ ...presets[stage.data], ...(fromCdkJson as object), ...single });
  if (!parsed.success) throw new InvalidSettings(`Invalid CDK context: ${z.prettifyError(parsed.error)}`);
  const settings = parsed.data;
  if (settings.mailDomain && !settings.mailFrom.endsWith(`@${settings.mailDomain}`)) {
    throw new InvalidSettings(`Invalid CDK context: mailFrom ${settings.mailFrom} is not under mailDomain`);
  }
  if (settings.stage !== 'local') {
    const problems = deployProblems(settings);
    if (problems.length > 0) {
      throw new InvalidSettings(
        `Stage ${settings.stage} cannot be deployed as configured:\n- ${problems.join('\n- ')}\n(docs/deploy.md, "Choose the settings"; -c stage=local synthesizes offline with placeholders, for CI and tests.)`,
      );
    }
  }
  return {
    ...settings,
    stackName: settings.stackName ?? `QuoteToOrder-${settings.stage}`,
    userPoolMail: settings.userPoolMail ?? (settings.existingSesIdentity ? 'ses' : 'cognito'),
  };
};
