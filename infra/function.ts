import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { bundling } from './bundling.ts';
import { environmentOf, type FunctionConfig } from './function-environment.ts';
import { nagReason } from './nag.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The newest Node.js LTS runtime aws-cdk-lib 2.276 knows; cdk-nag's L1 check holds us to it. */
export const runtime = Runtime.NODEJS_24_X;

export interface FunctionDefaults {
  /** What every function is told (functions/config.ts). */
  config: FunctionConfig;
  /** The deployment's name (`QuoteToOrder-prod`): every function's name starts with it. */
  namePrefix: string;
  /** X-Ray active tracing; off unless the `tracing` setting turns it on. */
  tracing: boolean;
  logRetention: RetentionDays;
  logLevel: string;
  removalPolicy: RemovalPolicy;
}

export interface QuoteToOrderFunctionProps {
  /** What the function's name ends in (`<prefix>-<name>`), when its construct id says less (`Handler`). */
  name?: string;
  /** Module path from the repo root exporting `handler`, as the route table and the workflow loader name it. */
  handler: string;
  memoryMb?: number | undefined;
  timeoutSeconds?: number | undefined;
  defaults: FunctionDefaults;
}

/** Lambda's limit on a function name. */
const maxNameLength = 64;

/**
 * `<prefix>-<id>`: fixed, so the alarms and the dashboard (in their own stack) can name a function without a
 * cross-stack reference, which would pin every function for as long as the dashboard imports it.
 */
export const functionNameFor = (prefix: string, id: string): string => {
  const name = `${prefix}-${id}`;
  if (name.length > maxNameLength) {
    throw new Error(`The function name ${name} is longer than ${maxNameLength} characters: choose a shorter stackName`);
  }
  return name;
};

/**
 * A Lambda function with the project's defaults, so a declaration is two lines: bundled locally by esbuild (no
 * Docker) into one minified, tree-shaken CommonJS file (infra/bundling.ts says why) with the AWS SDK inside (the
 * version we tested, not the runtime's), ARM64, X-Ray when tracing is on, its own log group with retention, and its own
 * role that starts with nothing but writing to that log group — every other permission is granted from the spec's
 * `needs`.
 */
export class QuoteToOrderFunction extends NodejsFunction {
  /** The physical name, known at synth (not a token). */
  readonly name: string;
  /** The module it bundles (`props.handler`): the infra tests bundle every function from it in one esbuild call. */
  readonly handlerModule: string;

  constructor(scope: Construct, id: string, props: QuoteToOrderFunctionProps) {
    const { defaults } = props;
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: defaults.logRetention,
      removalPolicy: defaults.removalPolicy,
    });
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    const name = functionNameFor(defaults.namePrefix, props.name ?? id);
    super(scope, id, {
      functionName: name,
      entry: join(repoRoot, props.handler),
      handler: 'handler',
      runtime,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb ?? 512,
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      tracing: defaults.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      logGroup,
      role,
      // A version published for the workflow stays when the next deploy publishes another: the executions that started
      // on the state machine version naming it still invoke it (infra/workflow.ts).
      currentVersionOptions: { removalPolicy: RemovalPolicy.RETAIN },
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      environment: {
        ...environmentOf(defaults.config),
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
        define: bundling.define,
        externalModules: [],
        forceDockerBundling: false,
        esbuildArgs: {
          '--tree-shaking': String(bundling.treeShaking),
          ...Object.fromEntries(Object.entries(bundling.alias).map(([from, to]) => [`--alias:${from}`, to])),
        },
      },
    });
    this.name = name;
    this.handlerModule = props.handler;
    logGroup.grantWrite(role);
    Validations.of(role).acknowledge(nagReason('AwsSolutions-IAM5[Resource::*]'));
  }

  /** Tells this function more of its configuration than every function gets. */
  configure(config: FunctionConfig): void {
    for (const [key, value] of Object.entries(environmentOf(config))) this.addEnvironment(key, value);
  }
}
