import { type Acknowledgment, Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * Every cdk-nag AwsSolutions finding this app accepts, with its reason. docs/deploy.md lists the same table; the
 * infra test fails on any finding that is not acknowledged, and on an acknowledgment that matches nothing.
 */
export const nagReasons = {
  'AwsSolutions-APIG4':
    "Public by design (auth: 'public' in the route table): an approval link is authorized by its own random 256-bit, single-use, expiring token (only its SHA-256 is stored); the buyer quote page, its script and stylesheet are static shells holding no data (the script calls the API with the buyer's own JWT); the OpenAPI document describes a public API; API Gateway's $default route only answers 404 / 405 problems for paths and methods no route has. Every other route requires a Cognito JWT.",
  'AwsSolutions-COG2':
    'MFA (TOTP) is offered to every user but required only with the context flag requireMfa=true: buyers are invited by the seller and their companies set their own sign-in policy. Approvers decide through email links and never sign in.',
  'AwsSolutions-COG8':
    "The user pool uses the Essentials feature plan; Plus (threat protection) is billed per monthly active user and is the operator's decision, not a default of this stack.",
  'AwsSolutions-IAM5[Resource::*]':
    'Only for actions the Service Authorization Reference defines no resource type for, so IAM requires "*": xray:PutTraceSegments / PutTelemetryRecords (every function, and the state machine with GetSamplingRules / GetSamplingTargets), states:SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat (the functions that resume a human wait; the task token is the capability), and the CloudWatch Logs vended-log delivery actions the state machine needs for its log group. infra/wildcards.ts lists them and the infra test fails on any other action granted on "*".',
  'AwsSolutions-IAM5[Resource::<executions of the workflow>]':
    "states:StopExecution and states:DescribeExecution are authorized per execution, and an execution's name is its RFQ id, known only at run time: the wildcard covers the executions of this one state machine and nothing else.",
} as const;

export type NagRuleId = keyof typeof nagReasons;

export const nagReason = (id: NagRuleId): Acknowledgment => ({ id, reason: nagReasons[id] });

/**
 * cdk-nag names a wildcard resource finding by the flattened ARN (`Resource::arn:<AWS::Partition>:states:...:*`), so
 * the acknowledgment for the workflow's executions is formed the same way from the ARN the policy grants.
 */
export const acknowledgeExecutionsWildcard = (scope: IConstruct, executionsArn: string): void => {
  const flattened = flattenCfnReference(Stack.of(scope).resolve(executionsArn));
  Validations.of(scope).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${flattened}]`,
    reason: nagReasons['AwsSolutions-IAM5[Resource::<executions of the workflow>]'],
  });
};
