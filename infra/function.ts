import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { bundling } from './bundling.ts';
import { nagReason } from './nag.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The newest Node.js LTS runtime aws-cdk-lib 2.276 knows; cdk-nag's L1 check holds us to it. */
export const runtime = Runtime.NODEJS_24_X;

export interface FunctionDefaults {
  environment: Record<string, string>;
  /** X-Ray active tracing; off unless the `tracing` setting turns it on. */
  tracing: boolean;
  logRetention: RetentionDays;
  logLevel: string;
  removalPolicy: RemovalPolicy;
}

export interface QuoteToOrderFunctionProps {
  /** Module path from the repo root exporting `handler`, as the route table and the workflow loader name it. */
  handler: string;
  memoryMb?: number | undefined;
  timeoutSeconds?: number | undefined;
  defaults: FunctionDefaults;
}

/**
 * A Lambda function with the project's defaults, so a declaration is two lines: bundled locally by esbuild (no
 * Docker) into one minified, tree-shaken CommonJS file (infra/bundling.ts says why) with the AWS SDK inside (the
 * version we tested, not the runtime's), ARM64, X-Ray when tracing is on, its own log group with retention, and its own
 * role that starts with nothing but writing to that log group — every other permission is granted from the spec's
 * `needs`.
 */
export class QuoteToOrderFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: QuoteToOrderFunctionProps) {
    const { defaults } = props;
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: defaults.logRetention,
      removalPolicy: defaults.removalPolicy,
    });
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    super(scope, id, {
      entry: join(repoRoot, props.handler),
      handler: 'handler',
      runtime,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb ?? 512,
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      tracing: defaults.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      logGroup,
      role,
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      environment: {
        ...defaults.environment,
        POWERTOOLS_SERVICE_NAME: 'quote-to-order',
        POWERTOOLS_LOG_LEVEL: defaults.logLevel,
        POWERTOOLS_METRICS_NAMESPACE: 'QuoteToOrder',
      },
      bundling: {
        format: { cjs: OutputFormat.CJS, esm: OutputFormat.ESM }[bundling.format],
        mainFields: [...bundling.mainFields],
        minify: bundling.minify,
        sourceMap: bundling.sourceMap,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        externalModules: [],
        forceDockerBundling: false,
        esbuildArgs: {
          '--tree-shaking': String(bundling.treeShaking),
          ...Object.fromEntries(Object.entries(bundling.alias).map(([from, to]) => [`--alias:${from}`, to])),
        },
      },
    });
    logGroup.grantWrite(role);
    Validations.of(role).acknowledge(nagReason('AwsSolutions-IAM5[Resource::*]'));
  }
}
