import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { z } from 'zod';

/**
 * What an operator chooses per deployment, from CDK context (`cdk.json` or `-c key=value`). Values from the command
 * line arrive as strings, so booleans and numbers are coerced; a wrong value fails the synth, not the deploy.
 */
const flag = z.union([z.boolean(), z.stringbool()]);
const emailList = z
  .union([z.array(z.email()), z.string().transform((list) => list.split(',').map((email) => email.trim()))])
  .pipe(z.array(z.email()));
const retentionDays = z.coerce
  .number()
  .int()
  .refine((days) => Object.values(RetentionDays).includes(days), 'not a CloudWatch Logs retention period');

export const settingsSchema = z.object({
  stackName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/)
    .default('QuoteToOrder'),
  /** The sender address of every email; the SES identity unless `mailDomain` is set. */
  mailFrom: z.email().default('quotes@example.com'),
  /** Verify this domain (DKIM) instead of the single `mailFrom` address; `mailFrom` must be under it. */
  mailDomain: z.string().min(3).optional(),
  /**
   * In the SES sandbox, SendEmail is also authorized against each recipient's identity: list the verified test
   * recipients here so the functions may mail them. Empty once the account has production access.
   */
  sesSandboxRecipients: emailList.default([]),
  /** Off only for throwaway dev stacks: it also makes the table and the user pool deletable with the stack. */
  deletionProtection: flag.default(true),
  requireMfa: flag.default(false),
  alarmEmail: z.email().optional(),
  logRetentionDays: retentionDays.default(RetentionDays.ONE_MONTH),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  salesManagerEmail: z.email().optional(),
  maxRepDiscountPercent: z.coerce.number().min(0).max(100).optional(),
  quoteValidityDays: z.coerce.number().int().positive().optional(),
  reviewTimeoutSeconds: z.coerce.number().int().positive().optional(),
  approvalTimeoutSeconds: z.coerce.number().int().positive().optional(),
  linkTtlSeconds: z.coerce.number().int().positive().optional(),
  apiRateLimit: z.coerce.number().positive().default(50),
  apiBurstLimit: z.coerce.number().int().positive().default(100),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Reads every key of the schema from the construct tree's context. */
export const settingsFrom = (node: Node): Settings => {
  const raw = Object.fromEntries(
    Object.keys(settingsSchema.shape)
      .map((key) => [key, node.tryGetContext(key)])
      .filter(([, value]) => value !== undefined),
  );
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid CDK context: ${z.prettifyError(parsed.error)}`);
  if (parsed.data.mailDomain && !parsed.data.mailFrom.endsWith(`@${parsed.data.mailDomain}`)) {
    throw new Error(`Invalid CDK context: mailFrom ${parsed.data.mailFrom} is not under mailDomain`);
  }
  return parsed.data;
};
