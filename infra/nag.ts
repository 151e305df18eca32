import { type Acknowledgment, Aws, Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * Every cdk-nag AwsSolutions finding this app accepts, with its reason. docs/deploy.md lists the same table; the
 * infra test fails on any finding that is not acknowledged, and on an acknowledgment that matches nothing.
 */
export const nagReasons = {
  'AwsSolutions-APIG4':
    "Public by design (auth: 'public' in the route table): an approval link is authorized by its own random 256-bit, single-use, expiring token (only its SHA-256 is stored); the buyer quote page, its script and stylesheet are static shells holding no data (the script calls the API with the buyer's own JWT); the OpenAPI document describes a public API; API Gateway's $default route only answers 404 / 405 problems for paths and methods no route has. The routes integration clients may call (a `scope` in the route table) verify the bearer token in the function (aws-jwt-verify against the user pool: a person's ID token for the app's clients, or an integration's access token whose app client is read from the table on every request), since the authorizer's audiences are fixed and each integration is an app client of its own. Every other route requires a Cognito JWT.",
  'AwsSolutions-COG2':
    'MFA (TOTP) is offered to every user but required only with the context flag requireMfa=true: buyers are invited by the seller and their companies set their own sign-in policy. Approvers decide through email links and never sign in.',
  'AwsSolutions-COG8':
    "The user pool uses the Essentials feature plan; Plus (threat protection) is billed per monthly active user and is the operator's decision, not a default of this stack.",
  'AwsSolutions-IAM5[Resource::*]':
    'Only for actions the Service Authorization Reference defines no resource type for, so IAM requires "*": xray:PutTraceSegments / PutTelemetryRecords (every function, and the state machine with GetSamplingRules / GetSamplingTargets), states:SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat (the functions that resume a human wait; the task token is the capability), dynamodb:ListStreams (the KPI aggregator reading the table stream), and the CloudWatch Logs vended-log delivery actions the state machine needs for its log group. infra/wildcards.ts lists them and the infra test fails on any other action granted on "*".',
  'AwsSolutions-IAM5[Resource::<executions of the workflow>]':
    "states:StopExecution and states:DescribeExecution are authorized per execution, and an execution's name is its RFQ id, known only at run time: the wildcard covers the executions of this one state machine and nothing else.",
  'AwsSolutions-IAM5[Resource::<every version of a step function>]':
    'The state machine invokes published versions of its step functions, and an execution keeps the state machine version it started on — weeks, for an RFQ waiting on people — and so the function versions that version names: the role may invoke every version (`<function ARN>:*`) of exactly its own step functions, nothing else. The same for the webhook retry state machine and its one attempt function (a delivery retries for three days).',
  'AwsSolutions-S1':
    "The web app's bucket holds only the app's public build (no data); CloudFront is its only reader (origin access control) and the distribution is where requests are seen.",
  'AwsSolutions-CFR1':
    'No geo restriction: buyers of a B2B seller are wherever its customers are; the operator can add one for their market.',
  'AwsSolutions-CFR2':
    'No AWS WAF web ACL by default (billed per ACL and per request): the API throttles per stage, approval links are single-use 256-bit tokens, and every other route needs a Cognito JWT. Attach a web ACL to the distribution where policy requires one.',
  'AwsSolutions-CFR3':
    "No CloudFront access log: every API request is in the API's own access log (route key, status, caller's sub, never the path, which may be a link token); the static app's requests hold no data. Standard logs would also need an ACL-enabled bucket.",
  'AwsSolutions-CFR4':
    "The distribution uses CloudFront's default certificate (*.cloudfront.net), for which CloudFront fixes the minimum TLS version; with a custom domain and certificate, set TLSv1.2_2021.",
  'AwsSolutions-*[web upload]':
    "CDK's BucketDeployment, which copies the web app's build into its bucket at deploy time: its singleton function (CDK's own Python runtime, AWSLambdaBasicExecutionRole) reads the CDK asset bucket and writes the web bucket with CDK's s3:*Object* grants, and invalidates the distribution (cloudfront:CreateInvalidation / GetInvalidation, which CDK grants on \"*\"). It runs only during a deploy and holds no data.",
  'AwsSolutions-*[bucket auto-delete]':
    "CDK's auto-delete custom resource of the web app's bucket: its singleton function (CDK's own Node.js runtime, AWSLambdaBasicExecutionRole) empties the bucket when the stack is deleted, so `cdk destroy` does not fail on it. The bucket holds only the app's build; the function runs only on deletion.",
  'AwsSolutions-SQS3':
    'Each queue acknowledged is itself a dead-letter queue: the KPI stream failures queue (the on-failure destination of the KPI stream mapping: the batch info of records that failed past their retries) and the mail feedback failures queue (SES bounce and complaint events the handler or EventBridge could not process), both for an operator to replay and both alarmed; a queue behind them would hold nothing.',
} as const;

export type NagRuleId = keyof typeof nagReasons;

export const nagReason = (id: NagRuleId): Acknowledgment => ({ id, reason: nagReasons[id] });

/**
 * How cdk-nag names a resource in a finding: the ARN as the template holds it, with references flattened
 * (`<AWS::AccountId>` for an environment-agnostic stack, `210987654321` once the account is concrete). Forming the
 * acknowledgment from the stack's own resolved value makes it match in both cases.
 */
const flattenedIn = (stack: Stack, value: string): string => flattenCfnReference(stack.resolve(value));

/**
 * The CDK asset bucket the bootstrap created, as the upload's policy names it: its account and region are the stack's
 * (tokens without an environment, literal with one).
 */
const assetObjects = (stack: Stack): string =>
  `arn:${Aws.PARTITION}:s3:::cdk-${stack.synthesizer.bootstrapQualifier ?? 'hnb659fds'}-assets-${stack.account}-${stack.region}/*`;

/** What cdk-nag reports on CDK's BucketDeployment singleton; each id is acknowledged with the one reason above. */
export const acknowledgeWebUpload = (singleton: IConstruct, bucketArn: string): void => {
  const stack = Stack.of(singleton);
  const ids = [
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'AwsSolutions-IAM5[Action::s3:GetObject*]',
    'AwsSolutions-IAM5[Action::s3:GetBucket*]',
    'AwsSolutions-IAM5[Action::s3:List*]',
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
    'AwsSolutions-IAM5[Action::s3:Abort*]',
    `AwsSolutions-IAM5[Resource::${flattenedIn(stack, assetObjects(stack))}]`,
    `AwsSolutions-IAM5[Resource::${flattenedIn(stack, bucketArn)}/*]`,
    'AwsSolutions-IAM5[Resource::*]',
    'AwsSolutions-L1',
  ];
  for (const id of ids) Validations.of(singleton).acknowledge({ id, reason: nagReasons['AwsSolutions-*[web upload]'] });
};

/** The state machine's grant on every version of each of its step functions (infra/workflow.ts). */
export const acknowledgeStepVersions = (role: IConstruct, steps: readonly { functionArn: string }[]): void => {
  for (const step of steps) {
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${flattenedIn(Stack.of(role), `${step.functionArn}:*`)}]`,
      reason: nagReasons['AwsSolutions-IAM5[Resource::<every version of a step function>]'],
    });
  }
};

/** What cdk-nag reports on CDK's auto-delete singleton of a bucket (the web app's): its managed policy and runtime. */
export const acknowledgeAutoDelete = (stack: Stack): void => {
  const provider = stack.node.tryFindChild('Custom::S3AutoDeleteObjectsCustomResourceProvider');
  if (!provider) return;
  for (const id of [
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'AwsSolutions-L1',
  ]) {
    Validations.of(provider).acknowledge({ id, reason: nagReasons['AwsSolutions-*[bucket auto-delete]'] });
  }
};

/**
 * cdk-nag names a wildcard resource finding by the flattened ARN (`Resource::arn:<AWS::Partition>:states:...:*`), so
 * the acknowledgment for the workflow's executions is formed the same way from the ARN the policy grants.
 */
export const acknowledgeExecutionsWildcard = (scope: IConstruct, executionsArn: string): void => {
  Validations.of(scope).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${flattenedIn(Stack.of(scope), executionsArn)}]`,
    reason: nagReasons['AwsSolutions-IAM5[Resource::<executions of the workflow>]'],
  });
};
