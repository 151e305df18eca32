import { sendTaskResultActions } from './permissions.ts';

/**
 * The only policy statements allowed to name `*` (as the resource, or inside an action), each with its reason. The
 * infra test walks every policy document of the synthesized template and fails on any other wildcard.
 */
export interface AcknowledgedWildcard {
  /** A statement qualifies when every one of its actions is in this list. */
  actions: readonly string[];
  /** Limit the entry to policies of one resource type (a KMS key policy), if set. */
  inPolicyOf?: string;
  reason: string;
}

export const acknowledgedWildcards: readonly AcknowledgedWildcard[] = [
  {
    actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
    reason:
      'X-Ray defines no resource type for these actions (Service Authorization Reference), so tracing — on every function and the state machine — can only be granted on "*".',
  },
  {
    actions: sendTaskResultActions,
    reason:
      'Step Functions defines no resource type for SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat (Service Authorization Reference), so "*" is the only valid resource. Granted only to the functions that resume a human wait; the task token itself is the capability.',
  },
  {
    actions: [
      'logs:CreateLogDelivery',
      'logs:GetLogDelivery',
      'logs:UpdateLogDelivery',
      'logs:DeleteLogDelivery',
      'logs:ListLogDeliveries',
      'logs:PutResourcePolicy',
      'logs:DescribeResourcePolicies',
      'logs:DescribeLogGroups',
    ],
    reason:
      'The CloudWatch Logs vended-log delivery actions Step Functions needs to write its execution log; the Step Functions developer guide grants them on "*" because log deliveries have no resource-level permissions.',
  },
  {
    actions: [
      's3:GetObject*',
      's3:GetBucket*',
      's3:List*',
      's3:DeleteObject*',
      's3:PutObject',
      's3:PutObjectLegalHold',
      's3:PutObjectRetention',
      's3:PutObjectTagging',
      's3:PutObjectVersionTagging',
      's3:Abort*',
    ],
    reason:
      "CDK's BucketDeployment (the web app's upload at deploy time) reads the CDK asset bucket and replaces the web bucket's objects with CDK's own grant sets; the resources are those two buckets, not \"*\".",
  },
  {
    actions: ['cloudfront:GetInvalidation', 'cloudfront:CreateInvalidation'],
    reason:
      'CDK\'s BucketDeployment invalidates the distribution\'s copy of index.html after an upload; CDK grants the invalidation actions on "*".',
  },
  {
    actions: ['s3:PutBucketPolicy', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*'],
    inPolicyOf: 'AWS::S3::BucketPolicy',
    reason:
      "CDK's auto-delete of the web app's bucket: the bucket's own policy lets CDK's auto-delete function (its role alone) list and delete the bucket's objects when the stack is deleted, with CDK's grant set; the resources are that one bucket and its objects.",
  },
  {
    actions: ['dynamodb:ListStreams'],
    reason:
      'DynamoDB authorizes ListStreams against no resource (Service Authorization Reference: no resource type), so the KPI aggregator\'s stream read (granted by its event source mapping) names "*" for it; reading records is granted on the table\'s stream ARN only.',
  },
  {
    actions: ['kms:*', 'kms:Decrypt', 'kms:GenerateDataKey*'],
    inPolicyOf: 'AWS::KMS::Key',
    reason:
      'A key policy\'s "*" resource is the key itself. kms:* for the account root is the default key policy that keeps the key manageable through IAM; CloudWatch may Decrypt / GenerateDataKey* to publish alarms to the encrypted topic.',
  },
];
