import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDefinition } from '#store/table.ts';

export interface DataProps {
  deletionProtection: boolean;
}

const key = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * The one DynamoDB table, built from the store's own definition (keys, indexes, TTL attribute) — the same data the
 * local stack creates its table from, so the two cannot drift. On-demand, with point-in-time recovery.
 */
export class Data extends Construct {
  readonly table: TableV2;
  /** The index names, for IAM: a Query on an index is authorized against `<table ARN>/index/<name>`. */
  readonly indexNames: string[];

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const indexes = Object.values(tableDefinition.indexes);
    this.indexNames = indexes.map((index) => index.indexName);
    this.table = new TableV2(this, 'Table', {
      partitionKey: key(tableDefinition.partitionKey),
      sortKey: key(tableDefinition.sortKey),
      billing: Billing.onDemand(),
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      dynamoStream: StreamViewType[tableDefinition.stream],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.deletionProtection,
      removalPolicy: props.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      globalSecondaryIndexes: indexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: key(index.partitionKey),
        ...('sortKey' in index && { sortKey: key(index.sortKey) }),
        projectionType: ProjectionType[index.projection],
      })),
    });
  }
}
