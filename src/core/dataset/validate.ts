// Placeholder until the dataset branch lands.
import { DATASET_SCHEMA_VERSION, type ReferenceDataset } from './types';

export function validateDataset(value: unknown): ReferenceDataset {
  const dataset = value as ReferenceDataset;
  if (dataset?.schemaVersion !== DATASET_SCHEMA_VERSION || !Array.isArray(dataset.records)) {
    throw new Error('Not a Bronwijzer reference dataset.');
  }
  return dataset;
}
