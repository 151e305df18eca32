/** What one DynamoDB call consumed, table and indexes together (ReturnConsumedCapacity: TOTAL). */
export interface CapacityUse {
  operation: string;
  readUnits: number;
  writeUnits: number;
}

export type OnCapacity = (use: CapacityUse) => void;

/** A running sum of consumed capacity, for the benchmark: pass `meter.onCapacity` to createDynamoStore. */
export const capacityMeter = () => {
  let readUnits = 0;
  let writeUnits = 0;
  let calls = 0;
  return {
    onCapacity: (use: CapacityUse): void => {
      readUnits += use.readUnits;
      writeUnits += use.writeUnits;
      calls += 1;
    },
    totals: () => ({ readUnits, writeUnits, calls }),
    reset: (): void => {
      readUnits = 0;
      writeUnits = 0;
      calls = 0;
    },
  };
};
